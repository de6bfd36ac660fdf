package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import dk.servicepuls.contracts.events.RiskAssessed;
import dk.servicepuls.contracts.events.RiskLevel;

/**
 * In-process application event, published after every assessment of a case (whether or not score or level changed),
 * once the assessment is stored; for the features that act on risk, such as proactive-call tasks. Published again
 * with the case's current state when the event that caused it is redelivered, so that a listener that failed gets
 * another go: listeners must be idempotent (derive identities from {@link #cause()}). A listener that throws makes
 * the record be retried and, in the end, parked on the dead-letter topic.
 *
 * @param changed         whether score or level changed (and risk.assessed was published)
 * @param pendingDecision the decision expected to go out, or {@code null} when none is pending
 * @param complaintIntent whether an analysed comment on the case signals a complaint
 * @param caseworkerId    the case's caseworker when known (from case.opened, decision.pending or a contact)
 * @param team            the case's team when known (from case.opened, or the last hand-off)
 * @param cause           the event whose arrival caused this assessment
 * @param redelivered     whether {@code cause} had been assessed before: the case's state is handed on again for a
 *                        listener that failed, and a listener that counts decisions does not count it twice
 */
public record CaseRiskAssessed(String department, String caseId, int score, RiskLevel level,
        List<RiskAssessed.Factor> factors, String modelVersion, Instant assessedAt, boolean changed,
        PendingDecision pendingDecision, boolean complaintIntent, String caseworkerId, String team, Cause cause,
        boolean redelivered) {

    public CaseRiskAssessed {
        factors = List.copyOf(factors);
    }

    /** A decision.pending not yet followed by decision.made. */
    public record PendingDecision(ExpectedOutcome expectedOutcome, Instant dueAt, String caseworkerId) {
    }

    /** The identity of the event that caused the assessment: ({@code source}, {@code id}) is unique. */
    public record Cause(String source, String id, EventType type) {
    }
}
