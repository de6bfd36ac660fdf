package dk.servicepuls.platform.retention;

import java.time.Instant;

/**
 * One store's retention of one kind of data: erases what it holds of that kind whose period began before
 * {@code cutoff} (a case closed, a contact or feedback without a case happened), in the scope's departments, at most {@code limit} items a call.
 */
public interface ExpiredData {

    RetentionKind kind();

    /** @return how many items (cases, events) it erased */
    long eraseBefore(DepartmentScope scope, Instant cutoff, int limit);
}
