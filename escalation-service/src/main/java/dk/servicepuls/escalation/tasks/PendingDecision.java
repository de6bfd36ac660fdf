package dk.servicepuls.escalation.tasks;

import dk.servicepuls.contracts.events.DecisionPending;

/**
 * A {@code decision.pending} event as the tasks need it: its identity, which makes a redelivery recognisable, the
 * case it is about, and its data.
 */
record PendingDecision(String eventSource, String eventId, String department, String caseId, DecisionPending decision) {

    PendingDecision {
        // contact-service validated the event against the contract; a gap here is a broken record, not a case
        if (eventSource == null || eventId == null || department == null || caseId == null || decision == null
                || decision.dueAt() == null) {
            throw new IllegalArgumentException("decision.pending without source, id, department, subject or data.dueAt");
        }
    }
}
