package dk.servicepuls.analytics.kpis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A department's service maturity, level 1 to 5 (immature, ready for customer service, well under way, the
 * professional service organisation, ahead), from measured indicators over the range: each indicator reaches a
 * level by its thresholds, the department stands at its lowest, and that indicator is named as what holds it back.
 * An indicator without enough data stands at level 1: what is not measured cannot be shown to be good.
 *
 * @param holdingBack the indicator at the lowest level (the first of them in the order below)
 */
public record Maturity(int level, String name, String holdingBack, List<Indicator> indicators) {

    static final List<String> NAMES = List.of("immature", "ready-for-customer-service", "well-under-way",
            "professional-service-organisation", "ahead");

    public record Indicator(String kpi, Double value, int level, List<Double> thresholds, boolean higherIsBetter) {
    }

    private record Rule(Kpi kpi, boolean higherIsBetter, double... thresholds) {
    }

    /** Thresholds to reach levels 2, 3, 4 and 5. */
    private static final List<Rule> RULES = List.of(
            new Rule(Kpi.FIRST_CONTACT_RESOLUTION, true, 0.60, 0.70, 0.80, 0.90),
            new Rule(Kpi.CSAT_SATISFIED_SHARE, true, 0.60, 0.70, 0.80, 0.90),
            new Rule(Kpi.CES_HIGH_EFFORT_SHARE, false, 0.40, 0.30, 0.20, 0.10),
            new Rule(Kpi.COMPLAINTS_PER_100_UNFAVOURABLE, false, 30, 20, 10, 5),
            new Rule(Kpi.CALL_COVERAGE, true, 0.20, 0.40, 0.60, 0.80),
            new Rule(Kpi.REPEAT_CONTACT_RATE, false, 0.50, 0.40, 0.30, 0.20));

    static Maturity of(KpiReport.PeriodKpis range) {
        List<Indicator> indicators = new ArrayList<>();
        for (Rule rule : RULES) {
            Double value = range.figure(rule.kpi()).value();
            indicators.add(new Indicator(rule.kpi().code(), value, level(value, rule),
                    java.util.Arrays.stream(rule.thresholds()).boxed().toList(), rule.higherIsBetter()));
        }
        Indicator lowest = indicators.stream().min(Comparator.comparingInt(Indicator::level)).orElseThrow();
        return new Maturity(lowest.level(), NAMES.get(lowest.level() - 1), lowest.kpi(), indicators);
    }

    private static int level(Double value, Rule rule) {
        if (value == null) {
            return 1;
        }
        int level = 1;
        for (double threshold : rule.thresholds()) {
            boolean reached = rule.higherIsBetter() ? value >= threshold : value <= threshold;
            if (!reached) {
                break;
            }
            level++;
        }
        return level;
    }
}
