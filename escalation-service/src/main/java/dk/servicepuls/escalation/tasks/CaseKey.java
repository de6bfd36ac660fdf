package dk.servicepuls.escalation.tasks;

/** A case as the tasks key it: by department, since case ids are each department's own. */
record CaseKey(String department, String caseId) {

    /** Department codes hold no '/', so the pair stays unambiguous. */
    String id() {
        return department + "/" + caseId;
    }
}
