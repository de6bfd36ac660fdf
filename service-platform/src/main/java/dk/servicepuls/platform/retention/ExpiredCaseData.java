package dk.servicepuls.platform.retention;

import java.time.Instant;

/**
 * One service's (or store's) retention of case data: erases what it holds of the scope's cases closed before
 * {@code cutoff}, at most {@code limit} cases a call.
 */
public interface ExpiredCaseData {

    /** @return how many cases it erased */
    long eraseClosedBefore(DepartmentScope scope, Instant cutoff, int limit);
}
