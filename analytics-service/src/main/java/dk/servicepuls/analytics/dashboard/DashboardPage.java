package dk.servicepuls.analytics.dashboard;

import java.util.List;

/**
 * What the dashboard shows, every text already in the page's language and every number written for it, so that the
 * template only places them.
 *
 * @param csvLink the same query as a CSV download
 */
record DashboardPage(String department, String team, List<String> teams, String from, String to, String granularity,
        String range, List<Chart> charts, List<KpiRow> kpis, List<RuleRow> rules, MaturityView maturity,
        EffectView effect, List<TopicRow> topics, String csvLink) {

    /**
     * A chart and the table it is drawn from: one row per period, one column per series.
     *
     * @param kind  Chart.js's chart type: {@code line} or {@code bar}
     * @param axis  what the values are, for the axis title
     */
    record Chart(String id, String title, String kind, String axis, List<String> periods, List<Series> series) {
    }

    /** @param cells one per period */
    record Series(String name, List<Cell> cells) {
    }

    /**
     * @param text  as the table shows it
     * @param value the number the chart draws ({@code .} as decimal point), empty where there is none or it is withheld
     */
    record Cell(String text, String value) {
    }

    record KpiRow(String code, String name, String value, long n) {
    }

    record RuleRow(int number, String rule, String proxy, String value, String trend, String trendCode, long n) {
    }

    record MaturityView(int level, String name, String holdingBack, List<IndicatorRow> indicators) {
    }

    /** @param nextLevel what the indicator must reach for the next level, or empty at level 5 */
    record IndicatorRow(String name, String value, int level, String nextLevel) {
    }

    /** @param shown false where too few cases were called or not called for a figure */
    record EffectView(boolean shown, String design, long calledCases, long comparisonCases, String calledRate,
            String comparisonRate, String difference, String interval, String relativeReduction,
            String avoidedComplaints, String hoursSaved, String netHoursSaved) {
    }

    record TopicRow(String name, long count) {
    }
}
