/**
 * The benchmark command: one run against the local mode that measures time to ready, the broker's producer ceiling,
 * latency under mixed load, HTTP and Kafka ingest, a long stream, consumer lag after the load and memory, and writes
 * the report with the goals and, for each missed one, where the platform spent its time. Every phase has a time
 * limit, so a slow platform still gets a report that says how far it got.
 */
package dk.servicepuls.benchmark;
