/**
 * Who is calling: every service's {@code /api/**} takes a bearer token (JWT) from the OIDC issuer, checked for issuer,
 * audience and expiry, and controllers get the caller's roles, department, team and caseworker id as a
 * {@link dk.servicepuls.platform.security.Caller}. Refusals are problem+json like every other answer.
 */
package dk.servicepuls.platform.security;
