/**
 * Ingest of case and contact events on {@code POST /api/v1/events} and {@code ingest.contact}. The machinery is the
 * shared one in service-platform; this service configures it in application.yml (section "ingest").
 */
package dk.servicepuls.contact.ingest;
