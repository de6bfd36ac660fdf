/**
 * identity-server: a development OpenID Connect issuer with demo users, for the local mode only. Every other mode
 * points the services at a real issuer.
 */
package dk.servicepuls.identity;
