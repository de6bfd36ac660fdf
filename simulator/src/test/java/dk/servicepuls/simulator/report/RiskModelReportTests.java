package dk.servicepuls.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.servicepuls.simulator.CaseTruth;
import dk.servicepuls.simulator.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RiskModelReportTests {

    private static final Instant T = Instant.parse("2026-02-02T10:00:00Z");

    @Test
    void aTaskBeforeTheDecisionIsAPredictionAndAPreventedComplaintIsStillAPositive() {
        List<CaseTruth> truth = List.of(
                truth("BS-A-1", true, true, true),    // complained: positive, predicted
                truth("BS-A-2", true, false, true),   // called, complaint prevented: positive, predicted
                truth("BS-A-3", true, true, true),    // complained, no task: missed
                truth("BS-A-4", false, false, true),  // no complaint, task: false alarm
                truth("BS-A-5", false, false, true),  // no complaint, no task
                truth("BS-A-6", true, true, false));  // cut by the horizon: left out
        Observations observed = new Observations();
        observed.add("dk.servicepuls.task.created.v1", "BS-A-1", json("{\"trigger\":\"decision_pending\"}"));
        observed.add("dk.servicepuls.task.created.v1", "BS-A-2", json("{\"trigger\":\"decision_pending\"}"));
        observed.add("dk.servicepuls.task.created.v1", "BS-A-3", json("{\"trigger\":\"complaint_intent\"}"));
        observed.add("dk.servicepuls.task.created.v1", "BS-A-4", json("{\"trigger\":\"decision_pending\"}"));
        observed.add("dk.servicepuls.task.created.v1", "BS-A-6", json("{\"trigger\":\"decision_pending\"}"));

        RiskModelReport report = RiskModelReport.of(truth, observed);

        assertThat(report.cases()).isEqualTo(5);
        assertThat(report.actualPositives()).isEqualTo(3);
        assertThat(report.taskBeforeDecision()).isEqualTo(new Confusion(2, 1, 1, 1));
        assertThat(report.taskBeforeDecision().precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.taskBeforeDecision().recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.anyTask()).isEqualTo(new Confusion(3, 1, 0, 1));
        assertThat(report.prevented()).isEqualTo(1);
    }

    @Test
    void highRiskCountsOnlyWhileTheUnfavourableDecisionIsStillPending() {
        Observations observed = new Observations();
        observed.add("dk.servicepuls.risk.assessed.v1", "BS-A-1", json(
                "{\"score\":80,\"level\":\"high\",\"factors\":[{\"code\":\"formal_complaint\"}]}"));
        observed.add("dk.servicepuls.risk.assessed.v1", "BS-A-2", json(
                "{\"score\":75,\"level\":\"high\",\"factors\":[{\"code\":\"unfavourable_decision_pending\"}]}"));

        assertThat(observed.of("BS-A-1").highWhilePending()).isFalse();
        assertThat(observed.of("BS-A-1").maxScore()).isEqualTo(80);
        assertThat(observed.of("BS-A-2").highWhilePending()).isTrue();
        assertThat(observed.of("BS-A-9")).isEqualTo(CaseObservation.NOTHING);
    }

    @Test
    void rendersOneLinePerRule() {
        RiskModelReport report = RiskModelReport.of(List.of(truth("BS-A-1", true, true, true)), new Observations());

        assertThat(report.render()).contains("task before decision", "any task", "high risk while pending")
                .contains("1 complete cases");
    }

    private static CaseTruth truth(String caseId, boolean would, boolean complained, boolean complete) {
        return new CaseTruth(caseId, "borgerservice", "enkeltydelse", T, T, Outcome.REJECTED, Outcome.REJECTED, T, T,
                1, 0, 0, 0, false, false, true, would && !complained, 0.5, 0.5, would, complained,
                complained ? "decision_appeal" : null, complained ? T : null, complete);
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
