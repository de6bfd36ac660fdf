package dk.servicepuls.analytics.dashboard;

import java.text.NumberFormat;
import java.util.Locale;

import dk.servicepuls.analytics.kpis.Figure;
import dk.servicepuls.analytics.kpis.Kpi;

/**
 * How the dashboard writes a KPI's value in the page's language, and the number its chart draws: shares as per cent,
 * waits in minutes, lead times in days. A withheld value is never written, only that it is withheld.
 */
final class DashboardNumbers {

    private final Locale locale;
    private final String withheld;
    private final String none;

    DashboardNumbers(Locale locale, String withheld, String none) {
        this.locale = locale;
        this.withheld = withheld;
        this.none = none;
    }

    String text(Figure figure, Kpi.Unit unit) {
        if (figure.suppressed()) {
            return withheld;
        }
        return figure.value() == null ? none : text(figure.value(), unit);
    }

    String text(double value, Kpi.Unit unit) {
        return switch (unit) {
            case COUNT -> count(Math.round(value));
            case SHARE -> decimals(value * 100, 1) + " %";
            case SECONDS -> decimals(value / 60, 1) + " min";
            case DAYS, PER_100 -> decimals(value, 1);
            case SCORE, PER_CASE -> decimals(value, 2);
        };
    }

    /** The value as the chart draws it, in the unit its axis names; empty where the table shows no number. */
    String chartValue(Figure figure, Kpi.Unit unit) {
        if (figure.suppressed() || figure.value() == null) {
            return "";
        }
        double value = switch (unit) {
            case SHARE -> figure.value() * 100;
            case SECONDS -> figure.value() / 60;
            default -> figure.value();
        };
        return String.format(Locale.ROOT, "%.4f", value);
    }

    String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    String decimals(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A difference of shares in percentage points. */
    String points(double share) {
        return decimals(share * 100, 1);
    }
}
