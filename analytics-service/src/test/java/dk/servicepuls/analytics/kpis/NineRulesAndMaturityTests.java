package dk.servicepuls.analytics.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NineRulesAndMaturityTests {

    @Test
    void aTrendIsTheLastPeriodAgainstTheOneBeforeReadInTheRulesDirection() {
        assertThat(NineRules.trend(100.0, 80.0, NineRules.Direction.LOWER_IS_BETTER)).isEqualTo("improving");
        assertThat(NineRules.trend(0.70, 0.60, NineRules.Direction.HIGHER_IS_BETTER)).isEqualTo("worsening");
        assertThat(NineRules.trend(0.70, 0.72, NineRules.Direction.HIGHER_IS_BETTER)).isEqualTo("steady");
        assertThat(NineRules.trend(null, 0.72, NineRules.Direction.HIGHER_IS_BETTER)).isEqualTo("unknown");
    }

    @Test
    void theScorecardReadsEachRulesProxyOverTheRangeAndSkipsPeriodsWithoutAValue() {
        KpiReport.PeriodKpis first = period(Map.of(Kpi.FIRST_CONTACT_RESOLUTION, 0.60));
        KpiReport.PeriodKpis empty = period(Map.of());
        KpiReport.PeriodKpis last = period(Map.of(Kpi.FIRST_CONTACT_RESOLUTION, 0.75));
        KpiReport.PeriodKpis range = period(Map.of(Kpi.FIRST_CONTACT_RESOLUTION, 0.70, Kpi.END_SCORE, 64.0));

        List<NineRules.Rule> rules = NineRules.scorecard(List.of(first, empty, last), range);

        assertThat(rules).hasSize(9).extracting(NineRules.Rule::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        NineRules.Rule firstTime = rules.get(5);
        assertThat(firstTime.rule()).isEqualTo("first-time-right");
        assertThat(firstTime.proxy()).isEqualTo("firstContactResolution");
        assertThat(firstTime.value()).isEqualTo(0.70);
        assertThat(firstTime.trend()).isEqualTo("improving");
        assertThat(firstTime.previous()).isEqualTo(0.60);
        assertThat(rules.get(8).proxy()).isEqualTo("endScore");
        assertThat(rules.get(8).value()).isEqualTo(64.0);
        assertThat(rules.get(8).trend()).isEqualTo("unknown");
    }

    @Test
    void maturityIsTheLowestIndicatorsLevelAndNamesIt() {
        Map<Kpi, Double> values = new LinkedHashMap<>();
        values.put(Kpi.FIRST_CONTACT_RESOLUTION, 0.85);       // level 4
        values.put(Kpi.CSAT_SATISFIED_SHARE, 0.92);           // 5
        values.put(Kpi.CES_HIGH_EFFORT_SHARE, 0.25);          // 3
        values.put(Kpi.COMPLAINTS_PER_100_UNFAVOURABLE, 4.0); // 5
        values.put(Kpi.CALL_COVERAGE, 0.65);                  // 4
        values.put(Kpi.REPEAT_CONTACT_RATE, 0.30);            // 4

        Maturity maturity = Maturity.of(period(values));

        assertThat(maturity.level()).isEqualTo(3);
        assertThat(maturity.name()).isEqualTo("well-under-way");
        assertThat(maturity.holdingBack()).isEqualTo("cesHighEffortShare");
        assertThat(maturity.indicators()).extracting(Maturity.Indicator::level).containsExactly(4, 5, 3, 5, 4, 4);
    }

    @Test
    void whatIsNotMeasuredHoldsADepartmentAtLevelOne() {
        Maturity maturity = Maturity.of(period(Map.of(Kpi.FIRST_CONTACT_RESOLUTION, 0.95)));

        assertThat(maturity.level()).isEqualTo(1);
        assertThat(maturity.name()).isEqualTo("immature");
        assertThat(maturity.holdingBack()).isEqualTo("csatSatisfiedShare");
    }

    private static KpiReport.PeriodKpis period(Map<Kpi, Double> values) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Kpi kpi : Kpi.values()) {
            Double value = values.get(kpi);
            figures.put(kpi.code(), value == null ? new Figure(null, 0, false) : new Figure(value, 100, false));
        }
        return new KpiReport.PeriodKpis(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"), figures, List.of());
    }
}
