/**
 * Ingest of feedback and complaints on {@code POST /api/v1/events} and {@code ingest.feedback}, with the shared
 * machinery of service-platform configured in application.yml (section "ingest"); comments and complaint texts are
 * masked before they are stored.
 */
package dk.servicepuls.feedback.ingest;
