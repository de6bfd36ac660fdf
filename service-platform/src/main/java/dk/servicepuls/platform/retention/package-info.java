/**
 * Retention of case data per department: a case's data is erased from every service's store a configured period
 * after the case was closed ({@code servicepuls.retention}). Each service runs the same scheduled job over its own
 * stores; where a service can name the cases ({@link dk.servicepuls.platform.retention.ClosedCases}) the job hands
 * them to the service's {@link dk.servicepuls.platform.erasure.PartyDataEraser}s, the same that carry out an
 * erasure request, so retention and erasure take the same data.
 */
package dk.servicepuls.platform.retention;
