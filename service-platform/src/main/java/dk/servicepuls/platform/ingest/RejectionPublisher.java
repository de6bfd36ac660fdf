package dk.servicepuls.platform.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.Violation;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a Kafka publisher why its record was refused: a record on {@code ingest.rejected} with the original source,
 * id and type and the reasons, never the data. Sent before the ingest offset is committed, so no refusal is lost.
 */
class RejectionPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;

    RejectionPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, Clock clock, String service) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.service = service;
    }

    void publish(IngestOutcome outcome, String topic) {
        Rejection rejection = new Rejection(outcome.event().source(), outcome.event().id(), outcome.event().type(),
                outcome.violations(), clock.instant(), topic, service);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_REJECTED, outcome.event().source(),
                json.writeValueAsBytes(rejection));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing a rejection", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish a rejection to " + Topics.INGEST_REJECTED, e);
        }
    }

    record Rejection(String source, String id, String type, List<Violation> reasons, Instant rejectedAt, String topic,
            String rejectedBy) {
    }
}
