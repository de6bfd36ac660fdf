/**
 * The issuer: demo users and registered clients from {@code servicepuls.identity.*}, and the Servicepuls claims
 * ({@code roles}, {@code department}, {@code team}, {@code caseworker_id}) in every access and ID token.
 */
package dk.servicepuls.identity.issuer;
