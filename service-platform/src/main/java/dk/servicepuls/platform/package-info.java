/**
 * The machinery that every Servicepuls service shares, written once: CloudEvents in and out, ingest with validation
 * and pseudonymisation, the idempotent outbox, problem responses and the common service set-up.
 */
package dk.servicepuls.platform;
