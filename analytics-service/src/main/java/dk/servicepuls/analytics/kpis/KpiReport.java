package dk.servicepuls.analytics.kpis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of a department (or one of its teams) per period of a range and over the whole range, the nine-rules
 * scorecard, the service maturity level, and the effect of proactive calls over the range.
 */
public record KpiReport(String department, String team, String granularity, LocalDate from, LocalDate to, int minGroupSize,
        List<PeriodKpis> periods, PeriodKpis wholeRange, List<NineRules.Rule> nineRules, Maturity maturity,
        CallEffect callEffect) {

    public record PeriodKpis(LocalDate start, LocalDate end, Map<String, Figure> figures, List<TopicCount> topTopics) {

        public Figure figure(Kpi kpi) {
            return figures.get(kpi.code());
        }
    }

    public record TopicCount(String topic, long count) {
    }
}
