/**
 * Retention of case data: contact-service keeps each case's {@code case.closed}, so it names the cases whose
 * retention period has run out for the platform's retention job ({@code servicepuls.retention}).
 */
package dk.servicepuls.contact.retention;
