/**
 * Ingest of department events over HTTP and Kafka: validate against the contract, pseudonymise, store once per
 * (source, id) with the normalised event in the outbox, answer or reject with reasons.
 */
package dk.servicepuls.platform.ingest;
