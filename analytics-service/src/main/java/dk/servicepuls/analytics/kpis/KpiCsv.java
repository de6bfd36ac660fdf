package dk.servicepuls.analytics.kpis;

import java.util.Locale;
import java.util.Map;

/**
 * A report as CSV (RFC 4180), one row per period and KPI, so that a spreadsheet can pivot it: {@code periodStart,
 * periodEnd, kpi, value, n, suppressed}. A withheld or missing value is an empty field. The values are numbers and
 * codes only, so nothing needs quoting, and no field can start a formula.
 */
public final class KpiCsv {

    /** The media type of a download, with its character set. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    static final String HEADER = "department,team,periodStart,periodEnd,kpi,value,n,suppressed";

    private KpiCsv() {
    }

    /** The file name a download of the report gets: by department and range. */
    public static String filename(KpiReport report) {
        return "kpis-" + report.department() + "-" + report.from() + "-" + report.to() + ".csv";
    }

    public static String of(KpiReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (KpiReport.PeriodKpis period : report.periods()) {
            for (Map.Entry<String, Figure> figure : period.figures().entrySet()) {
                Figure value = figure.getValue();
                csv.append(report.department()).append(',')
                        .append(report.team() == null ? "" : report.team()).append(',')
                        .append(period.start()).append(',')
                        .append(period.end()).append(',')
                        .append(figure.getKey()).append(',')
                        .append(value.value() == null ? "" : String.format(Locale.ROOT, "%.4f", value.value())).append(',')
                        .append(value.n()).append(',')
                        .append(value.suppressed()).append("\r\n");
            }
        }
        return csv.toString();
    }
}
