/**
 * Who is calling: the task and risk APIs take a bearer token (JWT) from the OIDC issuer, and controllers get the
 * caller's roles, department, team and caseworker id as a {@link dk.servicepuls.escalation.security.Caller}.
 * Refusals are problem+json like every other answer.
 */
package dk.servicepuls.escalation.security;
