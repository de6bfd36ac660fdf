package dk.servicepuls.analytics.kpis;

import java.util.ArrayList;
import java.util.List;

/**
 * The nine rules of good citizen service, each read through one measured proxy (README, "KPIs"): its value over the
 * range, its trend (the last period with a value against the one before), and how many cases, contacts or answers it
 * rests on.
 */
public final class NineRules {

    /** A change smaller than this share of the earlier value is steady. */
    static final double STEADY = 0.05;

    enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER
    }

    /**
     * @param trend {@code improving}, {@code worsening}, {@code steady}, or {@code unknown} with fewer than two periods
     *              that show a value
     */
    public record Rule(int number, String rule, String proxy, String direction, Double value, long n, boolean suppressed,
            String trend, Double previous, Double last) {
    }

    private record Mapping(int number, String rule, Kpi proxy, Direction direction) {
    }

    private static final List<Mapping> MAPPINGS = List.of(
            new Mapping(1, "first-impression", Kpi.WAIT_MEAN_SECONDS, Direction.LOWER_IS_BETTER),
            new Mapping(2, "engagement", Kpi.CALL_COVERAGE, Direction.HIGHER_IS_BETTER),
            new Mapping(3, "relations", Kpi.NPS, Direction.HIGHER_IS_BETTER),
            new Mapping(4, "aligned-expectations", Kpi.COMPLAINTS_PER_100_UNFAVOURABLE, Direction.LOWER_IS_BETTER),
            new Mapping(5, "competence", Kpi.HAND_OFFS_PER_CASE, Direction.LOWER_IS_BETTER),
            new Mapping(6, "first-time-right", Kpi.FIRST_CONTACT_RESOLUTION, Direction.HIGHER_IS_BETTER),
            new Mapping(7, "no-errors", Kpi.SERVICE_COMPLAINTS_PER_100_CASES, Direction.LOWER_IS_BETTER),
            new Mapping(8, "consistency", Kpi.WRONG_INFORMATION_SHARE, Direction.LOWER_IS_BETTER),
            new Mapping(9, "good-goodbye", Kpi.END_SCORE, Direction.HIGHER_IS_BETTER));

    private NineRules() {
    }

    static List<Rule> scorecard(List<KpiReport.PeriodKpis> periods, KpiReport.PeriodKpis wholeRange) {
        List<Rule> rules = new ArrayList<>();
        for (Mapping mapping : MAPPINGS) {
            Figure range = wholeRange.figure(mapping.proxy());
            List<Double> shown = periods.stream().map(period -> period.figure(mapping.proxy()).value())
                    .filter(value -> value != null).toList();
            Double previous = shown.size() < 2 ? null : shown.get(shown.size() - 2);
            Double last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
            rules.add(new Rule(mapping.number(), mapping.rule(), mapping.proxy().code(),
                    mapping.direction().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), range.value(),
                    range.n(), range.suppressed(), trend(previous, last, mapping.direction()), previous, last));
        }
        return rules;
    }

    static String trend(Double previous, Double last, Direction direction) {
        if (previous == null || last == null) {
            return "unknown";
        }
        double change = last - previous;
        if (Math.abs(change) <= STEADY * Math.max(Math.abs(previous), 1e-9)) {
            return "steady";
        }
        boolean better = direction == Direction.HIGHER_IS_BETTER ? change > 0 : change < 0;
        return better ? "improving" : "worsening";
    }
}
