package dk.servicepuls.simulator.report;

import dk.servicepuls.simulator.CaseTruth;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The risk model's precision and recall against the ground truth.
 * <ul>
 *   <li><b>Cases</b>: those whose whole story was published ({@link CaseTruth#complete()}). A case the platform never
 *       saw counts as not predicted.</li>
 *   <li><b>Actual positive</b>: the case ends in a complaint, or would have without its proactive call
 *       ({@link CaseTruth#wouldComplainWithoutCall()}). A complaint a call prevented is still one the model should
 *       have seen coming; counting only filed complaints would punish the model for the calls' success.</li>
 *   <li><b>Predicted positive</b>, three rules:
 *     <ol>
 *       <li>{@code task before decision} (the headline): escalation-service created a task with trigger
 *           {@code decision_pending}. Such a task is made only while a decision is pending, so it was created
 *           before the platform saw the decision — a prediction, not a reaction. (The platform stamps
 *           {@code task.created} with its own clock, so event times cannot be compared with the simulated ones.)</li>
 *       <li>{@code any task}: a task of either trigger; {@code complaint_intent} tasks may come after the decision,
 *           when the citizen already announces the complaint, so this rule is the more lenient one.</li>
 *       <li>{@code high risk while pending}: a {@code risk.assessed} at level {@code high} that still lists
 *           {@code unfavourable_decision_pending}, i.e. one assessed before the decision was made.</li>
 *     </ol></li>
 * </ul>
 * With {@code servicepuls.tasks.holdout-share} above 0 the platform leaves control cases without a task on purpose;
 * run the report against a platform without holdout, or read its recall accordingly.
 */
public record RiskModelReport(long cases, long actualPositives, long casesAssessed, long eventsRead,
        Confusion taskBeforeDecision, Confusion anyTask, Confusion highRiskWhilePending, long called,
        long complained, long prevented) {

    public static RiskModelReport of(List<CaseTruth> truth, Observations observed) {
        List<CaseTruth> cases = truth.stream().filter(CaseTruth::complete).toList();
        Confusion beforeDecision = confusion(cases, observed, CaseObservation::pendingDecisionTask);
        Confusion any = confusion(cases, observed, o -> o.pendingDecisionTask() || o.complaintIntentTask());
        Confusion high = confusion(cases, observed, CaseObservation::highWhilePending);
        return new RiskModelReport(cases.size(), cases.stream().filter(CaseTruth::wouldComplainWithoutCall).count(),
                cases.stream().filter(t -> observed.of(t.caseId()).maxScore() >= 0).count(), observed.events(),
                beforeDecision, any, high, cases.stream().filter(CaseTruth::called).count(),
                cases.stream().filter(CaseTruth::complained).count(),
                cases.stream().filter(CaseTruth::complaintPrevented).count());
    }

    private static Confusion confusion(List<CaseTruth> cases, Observations observed, Predicate<CaseObservation> rule) {
        Confusion confusion = new Confusion(0, 0, 0, 0);
        for (CaseTruth truth : cases) {
            confusion = confusion.plus(rule.test(observed.of(truth.caseId())), truth.wouldComplainWithoutCall());
        }
        return confusion;
    }

    /** The report as a few lines of text. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Risk model against the ground truth (%d complete cases, %d assessed by "
                + "the platform, %d escalation events read)%n", cases, casesAssessed, eventsRead));
        text.append(String.format(Locale.ROOT, "  actual positives (complained or would have without a call): %d "
                + "(%.1f %%); complained %d, prevented by a call %d, called %d%n", actualPositives,
                percent(actualPositives, cases), complained, prevented, called));
        text.append(String.format(Locale.ROOT, "  %-26s %9s %9s %6s %6s %6s%n", "prediction", "precision", "recall",
                "TP", "FP", "FN"));
        line(text, "task before decision", taskBeforeDecision);
        line(text, "any task", anyTask);
        line(text, "high risk while pending", highRiskWhilePending);
        return text.toString();
    }

    private static void line(StringBuilder text, String name, Confusion c) {
        text.append(String.format(Locale.ROOT, "  %-26s %9s %9s %6d %6d %6d%n", name, share(c.precision()),
                share(c.recall()), c.truePositives(), c.falsePositives(), c.falseNegatives()));
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
