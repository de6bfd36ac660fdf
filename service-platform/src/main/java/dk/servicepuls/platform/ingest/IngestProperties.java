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
 * @param limits       what one request and one event may hold
 */
@ConfigurationProperties("servicepuls.ingest")
public record IngestProperties(String topic, String publishTo, @DefaultValue("events") String collection,
        @DefaultValue("1000") int maxBatchSize, @DefaultValue Retry retry, @DefaultValue Limits limits) {

    /**
     * @param maxBodyBytes        an HTTP request's body: a full batch of typical events fits many times
     * @param maxEventBytes       one event, attributes and data: a quarter of the 1 MiB Kafka takes in a record by
     *                            default, so that the normalised event always fits with its headers
     * @param maxStringLength     every string in data: the contract's free-text limit
     * @param maxIdentifierLength attributes (id, source, subject, type, extensions) and field names
     * @param maxDepth            nesting of objects and arrays in data; the contract itself needs two
     * @param maxUnknownFields    fields the contract does not know, counted with all they hold
     * @param maxViolations       violations named in one answer; an event with more is refused all the same
     */
    public record Limits(@DefaultValue("8388608") long maxBodyBytes, @DefaultValue("262144") long maxEventBytes,
            @DefaultValue("4000") int maxStringLength, @DefaultValue("200") int maxIdentifierLength,
            @DefaultValue("8") int maxDepth, @DefaultValue("50") int maxUnknownFields,
            @DefaultValue("20") int maxViolations) {
    }

    /**
     * @param initialInterval the first pause; each next one doubles
     * @param maxInterval     the longest pause; retries go on at this pace until the store and Kafka are back
     */
    public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {
    }
}
