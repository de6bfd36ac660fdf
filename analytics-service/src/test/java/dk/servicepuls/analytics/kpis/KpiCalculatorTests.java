package dk.servicepuls.analytics.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dk.servicepuls.analytics.facts.FactValues;
import org.junit.jupiter.api.Test;

/** Each formula on a few hand-made cases, with the figures worked out by hand in the comments. */
class KpiCalculatorTests {

    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    /**
     * Case A (team t1): opened Monday 09:00, two inbound contacts (wait 60 s resolved, 300 s not), one answer
     * (CSAT 5, CES 2, NPS 10 → 100, 83.3, 100 → 94.4), a proactive call, rejection pending, rejected Thursday, an
     * appeal Friday, closed Friday 09:00 (4 days). Case B (opened in t2, handed to t3 and then to another
     * department): one inbound contact (120 s, resolved), answers 0 (CSAT 1, CES 7, NPS 0), 82.5 (CSAT 4, NPS 9) and
     * 50 (CSAT 3), closed Thursday (3 days). Cases C and D: a task each, C reached before its due time, D not reached
     * after it.
     */
    private static CaseFacts week() {
        return new CaseFacts()
                .opened("A", "2026-03-02T09:00:00Z", "t1")
                .inbound("A", "2026-03-02T10:00:00Z", 60, true)
                .inbound("A", "2026-03-03T10:00:00Z", 300, false)
                .answer("A", "2026-03-03T11:00:00Z", FactValues.CSAT, 5.0, FactValues.CES, 2.0, FactValues.NPS, 10.0)
                .analysed("A", "2026-03-03T11:00:01Z", "positive", false, List.of("good-experience"))
                .pending("A", "2026-03-04T08:00:00Z", "rejected")
                .proactiveCall("A", "2026-03-04T09:00:00Z")
                .decided("A", "2026-03-05T09:00:00Z", "rejected")
                .complaint("A", "2026-03-06T08:00:00Z", "decision_appeal")
                .closed("A", "2026-03-06T09:00:00Z")
                .opened("B", "2026-03-02T09:00:00Z", "t2")
                .inbound("B", "2026-03-02T11:00:00Z", 120, true)
                .transferred("B", "2026-03-03T08:00:00Z", "t3", null)
                .transferred("B", "2026-03-03T09:00:00Z", "x1", "beskaeftigelse")
                .answer("B", "2026-03-03T10:00:00Z", FactValues.CSAT, 1.0, FactValues.CES, 7.0, FactValues.NPS, 0.0)
                .analysed("B", "2026-03-03T10:00:01Z", "negative", true, List.of("waiting-time", "sent-around"))
                .answer("B", "2026-03-04T10:00:00Z", FactValues.CSAT, 4.0, FactValues.NPS, 9.0)
                .answer("B", "2026-03-04T12:00:00Z", FactValues.CSAT, 3.0)
                .closed("B", "2026-03-05T09:00:00Z")
                .task("C", "2026-03-04T09:00:00Z", "2026-03-06T09:00:00Z")
                .taskCompleted("C", "2026-03-05T09:00:00Z", "reached_resolved")
                .task("D", "2026-03-04T09:00:00Z", "2026-03-05T09:00:00Z")
                .taskCompleted("D", "2026-03-06T09:00:00Z", "not_reached")
                .analysed(null, "2026-03-04T10:00:00Z", "neutral", false, List.of("waiting-time", "wrong-information"))
                .complaint("B", "2026-03-04T13:00:00Z", "service_complaint");
    }

    @Test
    void contactFiguresCountEachContactInItsWeek() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        assertValue(week, Kpi.CONTACTS, 4, 4);
        assertValue(week, Kpi.INBOUND_CONTACTS, 3, 3);
        assertValue(week, Kpi.FIRST_CONTACT_RESOLUTION, 2.0 / 3, 3);
        assertValue(week, Kpi.WAIT_MEAN_SECONDS, 160, 3);
        assertValue(week, Kpi.WAIT_P90_SECONDS, 300, 3);
    }

    @Test
    void surveyFiguresAreMeansSharesAndTheNetPromoterScore() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        // CSAT 5, 1, 4, 3; CES 2, 7; NPS 10 (+1), 0 (−1), 9 (+1)
        assertValue(week, Kpi.CSAT_MEAN, 3.25, 4);
        assertValue(week, Kpi.CSAT_SATISFIED_SHARE, 0.5, 4);
        assertValue(week, Kpi.CES_MEAN, 4.5, 2);
        assertValue(week, Kpi.CES_HIGH_EFFORT_SHARE, 0.5, 2);
        assertValue(week, Kpi.NPS, 100.0 / 3, 3);
    }

    @Test
    void textFiguresAreSharesOfTheAnalysedTextsAndTheirTopTopics() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        assertValue(week, Kpi.ANALYSED_TEXTS, 3, 3);
        assertValue(week, Kpi.NEGATIVE_SHARE, 1.0 / 3, 3);
        assertValue(week, Kpi.POSITIVE_SHARE, 1.0 / 3, 3);
        assertValue(week, Kpi.COMPLAINT_INTENT_SHARE, 1.0 / 3, 3);
        assertValue(week, Kpi.WRONG_INFORMATION_SHARE, 1.0 / 3, 3);
        assertThat(week.topTopics()).containsExactly(new KpiReport.TopicCount("waiting-time", 2),
                new KpiReport.TopicCount("good-experience", 1), new KpiReport.TopicCount("sent-around", 1),
                new KpiReport.TopicCount("wrong-information", 1));
    }

    @Test
    void caseFiguresCountEachClosedCaseOnce() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        assertValue(week, Kpi.CASES_OPENED, 2, 2);
        assertValue(week, Kpi.CASES_CLOSED, 2, 2);
        assertValue(week, Kpi.LEAD_TIME_MEAN_DAYS, 3.5, 2);
        assertValue(week, Kpi.LEAD_TIME_P90_DAYS, 4, 2);
        assertValue(week, Kpi.CONTACTS_PER_CASE, 2, 2);        // A 3 (one the proactive call), B 1
        assertValue(week, Kpi.REPEAT_CONTACT_RATE, 0.5, 2);    // A came back, B did not
        assertValue(week, Kpi.HAND_OFFS_PER_CASE, 1, 2);       // A 0, B 2
        assertValue(week, Kpi.CROSS_DEPARTMENT_HAND_OFFS_PER_CASE, 0.5, 2);
        assertValue(week, Kpi.SERVICE_COMPLAINTS_PER_100_CASES, 50, 2);   // one service complaint, two closed cases
    }

    @Test
    void peakEndWeighsTheWorstMomentAndTheEndNotTheAverage() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        double a = (100 + 500.0 / 6 + 100) / 3;                 // one answer: peak = end = mean
        double bPeakEnd = (0 + 50) / 2.0;                        // peak 0, end 50
        double bMean = (0 + 82.5 + 50) / 3;
        assertValue(week, Kpi.PEAK_END_SCORE, (a + bPeakEnd) / 2, 2);
        assertValue(week, Kpi.MEAN_FEEDBACK_SCORE, (a + bMean) / 2, 2);
        assertValue(week, Kpi.END_SCORE, (a + 50) / 2, 2);
    }

    @Test
    void complaintsAndCallsCountAgainstTheUnfavourableDecisionsAndTheEligibleCases() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        assertValue(week, Kpi.UNFAVOURABLE_DECISIONS, 1, 1);
        assertValue(week, Kpi.COMPLAINTS_PER_100_UNFAVOURABLE, 100, 1);
        assertValue(week, Kpi.APPEALS_PER_100_UNFAVOURABLE, 100, 1);
        assertValue(week, Kpi.ELIGIBLE_CASES, 1, 1);
        assertValue(week, Kpi.CALL_COVERAGE, 1, 1);
        assertValue(week, Kpi.TASKS_CREATED, 2, 2);
        assertValue(week, Kpi.REACH_RATE, 0.5, 2);
        assertValue(week, Kpi.SLA_MET, 0.5, 2);
    }

    @Test
    void aTeamSeesTheCasesItHoldsAndNothingWithoutACase() {
        KpiReport.PeriodKpis t1 = onlyPeriod(report(week(), "t1", Granularity.WEEK, 1));
        KpiReport.PeriodKpis t3 = onlyPeriod(report(week(), "t3", Granularity.WEEK, 1));

        assertValue(t1, Kpi.CONTACTS, 3, 3);
        assertValue(t1, Kpi.CSAT_MEAN, 5, 1);
        assertValue(t1, Kpi.ANALYSED_TEXTS, 1, 1);
        assertValue(t1, Kpi.TASKS_CREATED, 0, 0);
        // B was handed from t2 to t3 inside the department; the hand-off to another department keeps it in t3
        assertValue(t3, Kpi.CASES_CLOSED, 1, 1);
        assertValue(t3, Kpi.HAND_OFFS_PER_CASE, 2, 1);
    }

    @Test
    void aFigureOnFewerThanTheMinimumIsWithheldButItsCountIsGiven() {
        KpiReport.PeriodKpis week = onlyPeriod(report(week(), null, Granularity.WEEK, 5));

        Figure inbound = week.figure(Kpi.FIRST_CONTACT_RESOLUTION);
        assertThat(inbound.value()).isNull();
        assertThat(inbound.n()).isEqualTo(3);
        assertThat(inbound.suppressed()).isTrue();
        assertThat(week.figure(Kpi.CONTACTS).suppressed()).isTrue();
        assertThat(week.topTopics()).isEmpty();
    }

    @Test
    void theWholeRangeAddsUpItsDaysAndCarriesTheScorecardAndMaturity() {
        KpiReport days = report(week(), null, Granularity.DAY, 1);

        assertThat(days.periods()).hasSize(7);
        assertValue(days.wholeRange(), Kpi.CONTACTS, 4, 4);
        assertValue(days.wholeRange(), Kpi.WAIT_MEAN_SECONDS, 160, 3);
        assertThat(days.nineRules()).hasSize(9);
        assertThat(days.nineRules().get(0).value()).isEqualTo(160.0);
        assertThat(days.maturity().level()).isBetween(1, 5);
    }

    @Test
    void daysBeginAtMidnightInCopenhagenNotInUtc() {
        CaseFacts facts = new CaseFacts()
                .inbound("A", "2026-03-02T22:30:00Z", 10, true)   // 23:30 on Monday in Copenhagen (UTC+1)
                .inbound("A", "2026-03-02T23:30:00Z", 10, true);  // 00:30 on Tuesday
        KpiReport report = report(facts, null, Granularity.DAY, 1);

        assertThat(report.periods()).hasSize(7);
        assertValue(report.periods().get(0), Kpi.CONTACTS, 1, 1);
        assertValue(report.periods().get(1), Kpi.CONTACTS, 1, 1);
        assertThat(report.periods().get(1).start()).isEqualTo(MONDAY.plusDays(1));
    }

    @Test
    void theEffectComparesCalledWithUncalledEligibleCasesThatHadTheirComplaintWindow() {
        CaseFacts facts = new CaseFacts();
        for (int i = 0; i < 10; i++) {
            String key = "E" + i;
            facts.pending(key, "2026-03-02T09:00:00Z", i % 2 == 0 ? "rejected" : "partially_approved")
                    .decided(key, "2026-03-04T09:00:00Z", "rejected");
            if (i < 5) {
                facts.proactiveCall(key, "2026-03-03T09:00:00Z");
            }
            if (i == 0 || i >= 7) {                               // 1 of 5 called, 3 of 5 not called
                facts.complaint(key, "2026-03-05T09:00:00Z", "decision_appeal");
            }
        }
        facts.pending("recent", "2026-03-03T09:00:00Z", "rejected").decided("recent", "2026-05-25T09:00:00Z", "rejected");

        CallEffect effect = report(facts, null, Granularity.WEEK, 5).callEffect();

        assertThat(effect.design()).isEqualTo(CallEffect.OBSERVATIONAL);
        assertThat(effect.calledCases()).isEqualTo(5);
        assertThat(effect.comparisonCases()).isEqualTo(5);   // "recent" was decided inside the 30-day window
        assertThat(effect.calledRate()).isCloseTo(0.2, within(1e-9));
        assertThat(effect.comparisonRate()).isCloseTo(0.6, within(1e-9));
        ProportionDifference expected = ProportionDifference.of(3, 5, 1, 5);
        assertThat(effect.difference()).isCloseTo(0.4, within(1e-9));
        assertThat(effect.lower()).isEqualTo(expected.lower());
        assertThat(effect.upper()).isEqualTo(expected.upper());
        assertThat(effect.relativeReduction()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(effect.avoidedComplaints()).isCloseTo(2.0, within(1e-9));
        assertThat(effect.hoursSaved()).isCloseTo(12.0, within(1e-9));     // 2 × 6 h
        assertThat(effect.netHoursSaved()).isCloseTo(9.5, within(1e-9));   // − 5 calls × 0.5 h
    }

    @Test
    void anEffectOnGroupsBelowTheMinimumIsWithheld() {
        CaseFacts facts = new CaseFacts().pending("A", "2026-03-02T09:00:00Z", "rejected")
                .decided("A", "2026-03-03T09:00:00Z", "rejected");

        CallEffect effect = report(facts, null, Granularity.WEEK, 5).callEffect();

        assertThat(effect.suppressed()).isTrue();
        assertThat(effect.difference()).isNull();
        assertThat(effect.comparisonCases()).isEqualTo(1);
    }

    @Test
    void aDecisionOrTaskWithoutItsOutcomeCodeIsNotUnfavourableAndBreaksNothing() {
        KpiReport.PeriodKpis without = onlyPeriod(report(week()
                .opened("Z", "2026-03-02T09:00:00Z", "t1")
                .pending("Z", "2026-03-03T08:00:00Z", null)
                .decided("Z", "2026-03-04T09:00:00Z", null), null, Granularity.WEEK, 1));
        KpiReport.PeriodKpis with = onlyPeriod(report(week(), null, Granularity.WEEK, 1));

        assertThat(without.figure(Kpi.UNFAVOURABLE_DECISIONS)).isEqualTo(with.figure(Kpi.UNFAVOURABLE_DECISIONS));
        assertThat(without.figure(Kpi.CASES_OPENED).value()).isEqualTo(with.figure(Kpi.CASES_OPENED).value() + 1);
    }

    private static KpiReport report(CaseFacts facts, String team, Granularity granularity, int minGroupSize) {
        KpiProperties properties = new KpiProperties(minGroupSize, ZoneId.of("Europe/Copenhagen"), 5, Duration.ofDays(30),
                6.0, 0.5);
        KpiQuery query = new KpiQuery(CaseFacts.DEPARTMENT, team, MONDAY, MONDAY.plusDays(6), granularity);
        return facts.ledger().read(CaseFacts.DEPARTMENT, department -> new KpiCalculator(properties).report(query, department, AS_OF));
    }

    private static KpiReport.PeriodKpis onlyPeriod(KpiReport report) {
        assertThat(report.periods()).hasSize(1);
        return report.periods().get(0);
    }

    private static void assertValue(KpiReport.PeriodKpis period, Kpi kpi, double value, long n) {
        Figure figure = period.figure(kpi);
        assertThat(figure.n()).as(kpi.code() + " n").isEqualTo(n);
        assertThat(figure.value()).as(kpi.code()).isNotNull();
        assertThat(figure.value()).as(kpi.code()).isCloseTo(value, within(1e-9));
    }
}
