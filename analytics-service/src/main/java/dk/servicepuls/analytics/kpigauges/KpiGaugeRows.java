package dk.servicepuls.analytics.kpigauges;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dk.servicepuls.analytics.kpis.CallEffect;
import dk.servicepuls.analytics.kpis.Figure;
import dk.servicepuls.analytics.kpis.Kpi;
import dk.servicepuls.analytics.kpis.KpiReport;
import dk.servicepuls.analytics.kpis.Maturity;
import dk.servicepuls.analytics.kpis.NineRules;
import io.micrometer.core.instrument.Tags;

/**
 * The rows of each gauge, from the departments' KPI reports. A figure that is withheld (too small a group) or that
 * there is no data for gets no row, so a dashboard shows a gap, never a made-up zero.
 */
final class KpiGaugeRows {

    private static final double SECONDS_PER_HOUR = 3600;

    /** One row: a gauge's labels and value. */
    record Row(Tags tags, double value) {
    }

    private final Map<KpiGauge, List<Row>> rows = new EnumMap<>(KpiGauge.class);

    void add(KpiReport report) {
        Tags department = Tags.of("department", report.department());
        for (NineRules.Rule rule : report.nineRules()) {
            Tags ruleTags = department.and("rule", Integer.toString(rule.number()), "name", rule.rule());
            if (!rule.suppressed()) {
                put(KpiGauge.NINE_RULES_VALUE, ruleTags.and("proxy", rule.proxy()), rule.value());
            }
            put(KpiGauge.NINE_RULES_TREND, ruleTags, trend(rule.trend()));
        }
        Maturity maturity = report.maturity();
        put(KpiGauge.MATURITY_LEVEL, department, (double) maturity.level());
        for (Maturity.Indicator indicator : maturity.indicators()) {
            put(KpiGauge.MATURITY_INDICATOR_LEVEL, department.and("indicator", indicator.kpi()),
                    (double) indicator.level());
        }
        put(KpiGauge.PEAK_END_SCORE, department, shown(report.wholeRange().figure(Kpi.PEAK_END_SCORE)));
        put(KpiGauge.MEAN_SCORE, department, shown(report.wholeRange().figure(Kpi.MEAN_FEEDBACK_SCORE)));
        effect(department, report.callEffect());
    }

    List<Row> of(KpiGauge gauge) {
        return rows.getOrDefault(gauge, List.of());
    }

    private void effect(Tags department, CallEffect effect) {
        if (effect == null || effect.suppressed() || effect.difference() == null) {
            return;
        }
        Tags design = department.and("design", effect.design());
        put(KpiGauge.CALL_EFFECT_COMPLAINT_RATE, design.and("group", "called"), effect.calledRate());
        put(KpiGauge.CALL_EFFECT_COMPLAINT_RATE, design.and("group", "comparison"), effect.comparisonRate());
        put(KpiGauge.CALL_EFFECT_DIFFERENCE, design.and("bound", "estimate"), effect.difference());
        put(KpiGauge.CALL_EFFECT_DIFFERENCE, design.and("bound", "lower"), effect.lower());
        put(KpiGauge.CALL_EFFECT_DIFFERENCE, design.and("bound", "upper"), effect.upper());
        put(KpiGauge.CALL_EFFECT_RELATIVE_REDUCTION, design, effect.relativeReduction());
        put(KpiGauge.CALL_EFFECT_CASES, design.and("group", "called"), (double) effect.calledCases());
        put(KpiGauge.CALL_EFFECT_CASES, design.and("group", "comparison"), (double) effect.comparisonCases());
        put(KpiGauge.CALL_EFFECT_TIME_SAVED, design.and("basis", "gross"), hoursToSeconds(effect.hoursSaved()));
        put(KpiGauge.CALL_EFFECT_TIME_SAVED, design.and("basis", "net"), hoursToSeconds(effect.netHoursSaved()));
    }

    private void put(KpiGauge gauge, Tags tags, Double value) {
        if (value != null && Double.isFinite(value)) {
            rows.computeIfAbsent(gauge, unused -> new ArrayList<>()).add(new Row(tags, value));
        }
    }

    private static Double shown(Figure figure) {
        return figure == null || figure.suppressed() ? null : figure.value();
    }

    private static Double hoursToSeconds(Double hours) {
        return hours == null ? null : hours * SECONDS_PER_HOUR;
    }

    static Double trend(String trend) {
        return switch (trend) {
            case "improving" -> 1.0;
            case "steady" -> 0.0;
            case "worsening" -> -1.0;
            default -> null;
        };
    }
}
