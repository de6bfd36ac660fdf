package dk.servicepuls.analytics.kpigauges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.servicepuls.analytics.kpis.CallEffect;
import dk.servicepuls.analytics.kpis.Figure;
import dk.servicepuls.analytics.kpis.Kpi;
import dk.servicepuls.analytics.kpis.KpiReport;
import dk.servicepuls.analytics.kpis.Maturity;
import dk.servicepuls.analytics.kpis.NineRules;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

class KpiGaugeRowsTests {

    private static final LocalDate FROM = LocalDate.of(2026, 7, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 6);

    @Test
    void aRulesValueAndTrendBecomeRowsAndAWithheldOrUnknownOneGetsNone() {
        KpiGaugeRows rows = new KpiGaugeRows();
        rows.add(report(List.of(
                new NineRules.Rule(6, "first-time-right", "firstContactResolution", "higher-is-better", 0.8, 40, false,
                        "improving", 0.7, 0.85),
                new NineRules.Rule(1, "first-impression", "waitMeanSeconds", "lower-is-better", null, 3, true, "unknown",
                        null, null),
                new NineRules.Rule(4, "aligned-expectations", "complaintsPer100Unfavourable", "lower-is-better", 12.5, 16,
                        false, "worsening", 10.0, 14.0)), null));

        assertThat(values(rows.of(KpiGauge.NINE_RULES_VALUE))).containsOnly(
                Map.entry(Tags.of("department", "borgerservice", "rule", "6", "name", "first-time-right", "proxy",
                        "firstContactResolution"), 0.8),
                Map.entry(Tags.of("department", "borgerservice", "rule", "4", "name", "aligned-expectations", "proxy",
                        "complaintsPer100Unfavourable"), 12.5));
        assertThat(values(rows.of(KpiGauge.NINE_RULES_TREND))).containsOnly(
                Map.entry(Tags.of("department", "borgerservice", "rule", "6", "name", "first-time-right"), 1.0),
                Map.entry(Tags.of("department", "borgerservice", "rule", "4", "name", "aligned-expectations"), -1.0));
    }

    @Test
    void maturityPeakEndAndTheCallEffectWithItsIntervalAndTimeInSecondsBecomeRows() {
        CallEffect effect = new CallEffect("holdout", Instant.parse("2026-07-01T00:00:00Z"),
                Instant.parse("2026-11-06T00:00:00Z"), 100, 10, 50, 15, 0.10, 0.30, 0.20, 0.07, 0.33, 2.0 / 3, 20.0,
                120.0, 70.0, false);
        KpiGaugeRows rows = new KpiGaugeRows();
        rows.add(report(List.of(), effect));

        assertThat(values(rows.of(KpiGauge.MATURITY_LEVEL))).containsOnly(Map.entry(Tags.of("department", "borgerservice"), 2.0));
        assertThat(values(rows.of(KpiGauge.MATURITY_INDICATOR_LEVEL))).containsOnly(
                Map.entry(Tags.of("department", "borgerservice", "indicator", "firstContactResolution"), 2.0),
                Map.entry(Tags.of("department", "borgerservice", "indicator", "callCoverage"), 4.0));
        assertThat(values(rows.of(KpiGauge.PEAK_END_SCORE))).containsValue(0.55);
        assertThat(values(rows.of(KpiGauge.MEAN_SCORE))).isEmpty();
        Tags holdout = Tags.of("department", "borgerservice", "design", "holdout");
        assertThat(values(rows.of(KpiGauge.CALL_EFFECT_DIFFERENCE))).containsOnly(
                Map.entry(holdout.and("bound", "estimate"), 0.20), Map.entry(holdout.and("bound", "lower"), 0.07),
                Map.entry(holdout.and("bound", "upper"), 0.33));
        assertThat(values(rows.of(KpiGauge.CALL_EFFECT_COMPLAINT_RATE))).containsOnly(
                Map.entry(holdout.and("group", "called"), 0.10), Map.entry(holdout.and("group", "comparison"), 0.30));
        assertThat(values(rows.of(KpiGauge.CALL_EFFECT_CASES))).containsOnly(
                Map.entry(holdout.and("group", "called"), 100.0), Map.entry(holdout.and("group", "comparison"), 50.0));
        assertThat(values(rows.of(KpiGauge.CALL_EFFECT_TIME_SAVED))).containsOnly(
                Map.entry(holdout.and("basis", "gross"), 120.0 * 3600), Map.entry(holdout.and("basis", "net"), 70.0 * 3600));
        assertThat(values(rows.of(KpiGauge.CALL_EFFECT_RELATIVE_REDUCTION))).containsValue(2.0 / 3);
    }

    @Test
    void aWithheldCallEffectGetsNoRowsAtAll() {
        CallEffect withheld = new CallEffect("observational", Instant.parse("2026-07-01T00:00:00Z"),
                Instant.parse("2026-11-06T00:00:00Z"), 3, 1, 2, 1, null, null, null, null, null, null, null, null, null,
                true);
        KpiGaugeRows rows = new KpiGaugeRows();
        rows.add(report(List.of(), withheld));

        for (KpiGauge gauge : List.of(KpiGauge.CALL_EFFECT_CASES, KpiGauge.CALL_EFFECT_COMPLAINT_RATE,
                KpiGauge.CALL_EFFECT_DIFFERENCE, KpiGauge.CALL_EFFECT_RELATIVE_REDUCTION, KpiGauge.CALL_EFFECT_TIME_SAVED)) {
            assertThat(rows.of(gauge)).as(gauge.meterName()).isEmpty();
        }
    }

    private static KpiReport report(List<NineRules.Rule> rules, CallEffect effect) {
        Maturity maturity = new Maturity(2, "ready-for-customer-service", "firstContactResolution", List.of(
                new Maturity.Indicator("firstContactResolution", 0.65, 2, List.of(0.6, 0.7, 0.8, 0.9), true),
                new Maturity.Indicator("callCoverage", 0.7, 4, List.of(0.2, 0.4, 0.6, 0.8), true)));
        KpiReport.PeriodKpis range = new KpiReport.PeriodKpis(FROM, TO, Map.of(
                Kpi.PEAK_END_SCORE.code(), new Figure(0.55, 30, false),
                Kpi.MEAN_FEEDBACK_SCORE.code(), new Figure(null, 3, true)), List.of());
        return new KpiReport("borgerservice", null, "month", FROM, TO, 5, List.of(range), range, rules, maturity, effect);
    }

    private static Map<Tags, Double> values(List<KpiGaugeRows.Row> rows) {
        return rows.stream().collect(Collectors.toMap(KpiGaugeRows.Row::tags, KpiGaugeRows.Row::value));
    }
}
