package dk.servicepuls.platform.sealing;

import java.util.Objects;

/** A case as a department names it: the texts of one case share a key. */
public record CaseRef(String department, String caseId) {

    public CaseRef {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(caseId, "caseId");
    }

    /**
     * The store's key of the case's text key, as the other per-case documents are keyed: the department's case ids
     * often come in order, and keys in order cost the embedded store about half what random ones do (its
     * README-store.md). The entry goes with the case at erasure and retention, so it names the case no longer than the
     * case's own data does.
     */
    String storeKey() {
        return department + ':' + caseId;
    }
}
