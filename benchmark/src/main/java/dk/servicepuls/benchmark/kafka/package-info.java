/**
 * The benchmark's Kafka side: the producer ceiling on a scratch topic, producing to the ingest topic, watching
 * {@code contact.events} and {@code escalation.events} for the benchmark's own events, and consumer-group lag.
 */
package dk.servicepuls.benchmark.kafka;
