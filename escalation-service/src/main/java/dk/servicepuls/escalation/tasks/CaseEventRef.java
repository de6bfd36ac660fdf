package dk.servicepuls.escalation.tasks;

/**
 * A case event that moves a task (decision made, case closed, case transferred), as the tasks need it: its identity,
 * which makes a redelivery recognisable, and the case it is about.
 */
record CaseEventRef(String eventSource, String eventId, String department, String caseId) {

    CaseEventRef {
        // contact-service validated the event against the contract; a gap here is a broken record, not a case
        if (eventSource == null || eventId == null || department == null || caseId == null) {
            throw new IllegalArgumentException("case event without source, id, department or subject");
        }
    }

    /** The (source, id) pair; a space cannot occur in a source (a URI-reference), so the pair stays unambiguous. */
    String key() {
        return eventSource + " " + eventId;
    }
}
