package dk.servicepuls.platform.retention;

import java.time.Instant;
import java.util.List;

/** Where a service keeps when its cases closed: the start of their retention period. */
public interface ClosedCases {

    /** A case by its department and the department's case id. */
    record ClosedCase(String department, String caseId) {
    }

    /**
     * Cases of the scope's departments closed before {@code cutoff} whose data the service still holds; at most
     * {@code limit}. Once a case's data is erased it is found no more.
     */
    List<ClosedCase> closedBefore(DepartmentScope scope, Instant cutoff, int limit);
}
