package dk.servicepuls.platform.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic        the ingest topic this service owns; the event types it accepts are those the contract routes
 *                     there
 * @param publishTo    where normalised events go
 * @param collection   the store collection of ingested events (also their outbox)
 * @param maxBatchSize the most events one batch request may carry
 * @param retry        how a poll of the ingest topic that could not be made durable is tried again
 */
@ConfigurationProperties("servicepuls.ingest")
public record IngestProperties(String topic, String publishTo, @DefaultValue("events") String collection,
        @DefaultValue("1000") int maxBatchSize, @DefaultValue Retry retry) {

    /**
     * @param initialInterval the first pause; each next one doubles
     * @param maxInterval     the longest pause; retries go on at this pace until the store and Kafka are back
     */
    public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {
    }
}
