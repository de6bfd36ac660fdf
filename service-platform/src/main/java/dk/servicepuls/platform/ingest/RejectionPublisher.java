package dk.servicepuls.platform.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /** Sends every refusal of a batch at once and returns when Kafka has all of them. */
    void publishAll(List<IngestOutcome> refused, String topic) {
        if (refused.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(refused.size());
        for (IngestOutcome outcome : refused) {
            Rejection rejection = new Rejection(outcome.event().source(), outcome.event().id(), outcome.event().type(),
                    outcome.violations(), clock.instant(), topic, service);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_REJECTED, outcome.event().source(),
                    json.writeValueAsBytes(rejection));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            sends.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing rejections", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish rejections to " + Topics.INGEST_REJECTED, e);
        }
    }

    record Rejection(String source, String id, String type, List<Violation> reasons, Instant rejectedAt, String topic,
            String rejectedBy) {
    }
}
