package dk.servicepuls.platform.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic        the ingest topic this service owns; the event types it accepts are those the contract routes
 *                     there
 * @param publishTo    where normalised events go
 * @param collection   the store collection of ingested events: what was published, kept for the timeline and as the
 *                     record of what is a repeat
 * @param publishTimeout how long an ingest waits for Kafka to take its events before it answers 503 (HTTP) or tries
 *                     the poll again (Kafka)
 * @param maxBatchSize the most events one batch request may carry
 * @param retry        how a poll of the ingest topic that could not be made durable is tried again
 * @param limits       what one request and one event may hold
 * @param clients      who may publish over HTTP, by the client id in their token; a sender not named here gets 403
 * @param departments  the department codes this deployment knows; an event for another is refused. {@code *} (the
 *                     default outside the docker profile) accepts every well-formed code, with a warning
 */
@ConfigurationProperties("servicepuls.ingest")
public record IngestProperties(String topic, String publishTo, @DefaultValue("events") String collection,
        @DefaultValue("10s") Duration publishTimeout, @DefaultValue("1000") int maxBatchSize, @DefaultValue Retry retry, @DefaultValue Limits limits,
        @DefaultValue Map<String, Client> clients, @DefaultValue("*") List<String> departments) {

    public IngestProperties {
        clients = Map.copyOf(clients);
        departments = List.copyOf(departments);
    }

    /**
     * One sender's rights. {@value PublishRights#ANY} allows every department or every source; the local mode's
     * test and demo clients use it, a pilot names what each department system sends.
     *
     * @param departments     the departments it may publish for (the {@code department} attribute)
     * @param sources         prefixes of the {@code source} attribute it may use, e.g. {@code /aarhus/borgerservice}
     * @param eventsPerSecond how many events a second it may send, counting every event of a batch; more is answered
     *                        429 with {@code Retry-After}. At least {@code max-batch-size}, so that a full batch fits.
     */
    public record Client(@DefaultValue List<String> departments, @DefaultValue List<String> sources,
            @DefaultValue("2000") int eventsPerSecond) {

        public Client {
            departments = List.copyOf(departments);
            sources = List.copyOf(sources);
        }
    }

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
