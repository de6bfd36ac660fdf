package dk.servicepuls.platform.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic the ingest topic this service owns; the event types it accepts are those the contract routes there
 * @param publishTo where normalised events go
 * @param collection the store collection of ingested events (also their outbox)
 * @param maxBatchSize the most events one batch request may carry
 */
@ConfigurationProperties("servicepuls.ingest")
public record IngestProperties(String topic, String publishTo, @DefaultValue("events") String collection,
        @DefaultValue("1000") int maxBatchSize) {
}
