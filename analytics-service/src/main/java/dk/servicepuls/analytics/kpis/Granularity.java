package dk.servicepuls.analytics.kpis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a query's range is cut into periods: days, ISO weeks (from Monday) or calendar months. */
public enum Granularity {

    DAY, WEEK, MONTH;

    LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Granularity> ofCode(String code) {
        return Arrays.stream(values()).filter(granularity -> granularity.code().equalsIgnoreCase(code)).findFirst();
    }
}
