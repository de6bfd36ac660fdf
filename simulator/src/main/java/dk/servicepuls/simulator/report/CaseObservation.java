package dk.servicepuls.simulator.report;

/**
 * What escalation-service published about one case.
 *
 * @param pendingDecisionTask  a {@code task.created} with trigger {@code decision_pending}
 * @param complaintIntentTask  a {@code task.created} with trigger {@code complaint_intent}
 * @param highWhilePending     a {@code risk.assessed} at level {@code high} whose factors include
 *                             {@code unfavourable_decision_pending}, i.e. one made before the decision was known
 * @param maxScore             the highest score any {@code risk.assessed} of the case carried; -1 without one
 */
public record CaseObservation(boolean pendingDecisionTask, boolean complaintIntentTask, boolean highWhilePending,
        int maxScore) {

    static final CaseObservation NOTHING = new CaseObservation(false, false, false, -1);

    CaseObservation withTask(String trigger) {
        return new CaseObservation(pendingDecisionTask || "decision_pending".equals(trigger),
                complaintIntentTask || "complaint_intent".equals(trigger), highWhilePending, maxScore);
    }

    CaseObservation withRisk(int score, String level, boolean decisionPending) {
        return new CaseObservation(pendingDecisionTask, complaintIntentTask,
                highWhilePending || ("high".equals(level) && decisionPending), Math.max(maxScore, score));
    }
}
