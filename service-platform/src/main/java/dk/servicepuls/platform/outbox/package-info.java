/**
 * The transactional outbox without transactions: events to publish ride in the same single-document write as the
 * state they belong to, and a relay publishes them to Kafka (acks=all, idempotent producer) and then removes them.
 */
package dk.servicepuls.platform.outbox;
