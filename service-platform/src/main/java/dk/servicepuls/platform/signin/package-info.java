/**
 * Browser sign-in for the services' own pages (the caseworker inbox, the management dashboard): OpenID Connect
 * authorization code (with PKCE for a public client) against the same issuer whose tokens the APIs take, a session
 * cookie per page, sign-out at the issuer too, and Danish pages unless the browser or the user asks for English. The
 * signed-in person becomes the same {@link dk.servicepuls.platform.security.Caller} as a token's bearer, so pages and
 * APIs judge them alike.
 */
package dk.servicepuls.platform.signin;
