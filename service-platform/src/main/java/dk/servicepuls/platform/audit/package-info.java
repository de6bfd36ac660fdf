/**
 * The audit trail of every service with a store and signed-in callers: who viewed or acted on which case or task,
 * through the APIs, the inbox or the dashboard, with the answer they got. Kept apart from the application log in the
 * service's store, one hash chain per department (each entry's SHA-256 covers its content and the entry before), so
 * that a changed, removed or inserted entry shows; readable and verifiable by the department's managers
 * ({@code GET /api/v1/audit}). An entry names the caseworker id, or a one-way hash of the token's subject; never a
 * party, a note or anything a request carried.
 */
package dk.servicepuls.platform.audit;
