/**
 * Sends simulated events to the platform the way department systems do: over HTTP in batches of up to 1000 to
 * contact-service and feedback-service ({@code POST /api/v1/events}, {@code application/cloudevents-batch+json}),
 * or to the ingest topics on Kafka (binary {@code ce_*} headers or structured mode, key = case id, {@code acks=all}).
 * {@link dk.servicepuls.simulator.publish.Publishing} paces the stream at a chosen rate and reports progress.
 */
package dk.servicepuls.simulator.publish;
