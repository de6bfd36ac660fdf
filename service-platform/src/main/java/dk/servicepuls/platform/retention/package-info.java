/**
 * Retention per department and kind of data ({@code servicepuls.retention}): a case's data is erased from every
 * service's store a configured period after the case was closed, and contacts and feedback that name no case a
 * period after they happened. Each service runs the same scheduled job over its own stores
 * ({@link dk.servicepuls.platform.retention.ExpiredData}, one per store and kind); where a service can name its
 * closed cases ({@link dk.servicepuls.platform.retention.ClosedCases}) the job hands them to the service's
 * {@link dk.servicepuls.platform.erasure.PartyDataEraser}s, the same that carry out an erasure request, so retention
 * and erasure take the same data.
 */
package dk.servicepuls.platform.retention;
