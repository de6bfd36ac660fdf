/**
 * Erasure of one party across the platform (GDPR article 17). A department sends
 * {@code party.erasure-requested.v1}; contact-service erases the party's cases before it answers and publishes the
 * request with the cases it found; every service that holds data erases what it holds of them and of the party
 * ({@link dk.servicepuls.platform.erasure.PartyDataEraser}, one per feature) and confirms with
 * {@code party.erased.v1} on {@code privacy.erasures}, through the outbox of its own erasure record, so that a
 * crash can neither lose the confirmation nor confirm what was not erased.
 */
package dk.servicepuls.platform.erasure;
