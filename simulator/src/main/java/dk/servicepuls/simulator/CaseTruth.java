package dk.servicepuls.simulator;

import java.time.Instant;

/**
 * What really happened on one case, which the platform can only estimate. It names the case, never the party: the
 * party's (synthetic) CPR number and name exist only in the events.
 *
 * @param propensity               the latent probability that the case ends in a complaint without a proactive call
 * @param complaintProbability     the probability it had given whether it was called: {@code propensity}, or
 *                                 {@code propensity × (1 − callEffect)} when called
 * @param wouldComplainWithoutCall whether it would have complained had nobody called (the counterfactual for called
 *                                 cases; the same draw decides both, so {@code complained} implies this)
 * @param called                   whether the stand-in call policy called it before the decision
 * @param complaintKind            {@code decision_appeal} or {@code service_complaint}; {@code null} without a complaint
 * @param complaintAt              when the complaint was filed; {@code null} without one
 * @param complete                 whether every event of the case is in the stream (false when the horizon cut it)
 */
public record CaseTruth(String caseId, String department, String caseType, Instant openedAt,
        Instant decisionPendingAt, Outcome expectedOutcome, Outcome outcome, Instant decisionMadeAt, Instant closedAt,
        int inboundContacts, int longWaits, int unresolvedContacts, int handOffs, boolean negativeFeedback,
        boolean earlierComplaintByParty, boolean eligibleForCall, boolean called, double propensity,
        double complaintProbability, boolean wouldComplainWithoutCall, boolean complained, String complaintKind,
        Instant complaintAt, boolean complete) {

    /** Whether the case ends in a complaint, or would have without its call: what a risk model should foresee. */
    public boolean complaintPrevented() {
        return wouldComplainWithoutCall && !complained;
    }
}
