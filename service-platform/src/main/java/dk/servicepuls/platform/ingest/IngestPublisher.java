package dk.servicepuls.platform.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts accepted events on their topic before they are stored (Kafka-first ingest): all of a batch at once, then one
 * wait for Kafka's acknowledgements (acks=all, idempotent producer). An event is stored only once Kafka has it, so a
 * stored event is a published one, and a repeat, found stored, needs nothing sent again.
 */
class IngestPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Duration timeout;
    private final Counter published;

    /** @param kafka its own producer, whose sends block at most the publish timeout while the broker is away */
    IngestPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, Duration timeout, MeterRegistry meters) {
        this.kafka = kafka;
        this.json = json;
        this.timeout = timeout;
        this.published = Counter.builder("servicepuls.ingest.published")
                .description("Accepted events ingest put on Kafka (before storing them)").register(meters);
    }

    /** Sends what every event publishes and waits for Kafka, at most the publish timeout. */
    Publication publish(List<IngestedEvent> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<List<CompletableFuture<?>>> sends = new ArrayList<>(events.size());
        List<CompletableFuture<?>> all = new ArrayList<>();
        Throwable refusedAtOnce = null;
        for (IngestedEvent event : events) {
            List<CompletableFuture<?>> ofEvent = new ArrayList<>(event.outbox().size());
            for (OutboxEntry entry : event.outbox()) {
                // after a send that failed at once (the broker away: the producer gave up waiting for it), the rest
                // are not tried, or each would wait as long again
                CompletableFuture<?> send = refusedAtOnce != null ? CompletableFuture.failedFuture(refusedAtOnce)
                        : OutboxPublisher.send(kafka, entry, json);
                if (refusedAtOnce == null && send.isCompletedExceptionally()) {
                    refusedAtOnce = OutboxPublisher.failure(send);
                }
                ofEvent.add(send);
            }
            sends.add(ofEvent);
            all.addAll(ofEvent);
        }
        awaitAll(all, deadline);
        List<IngestedEvent> done = new ArrayList<>(events.size());
        Throwable failure = null;
        for (int i = 0; i < events.size(); i++) {
            Throwable failed = failureOf(sends.get(i));
            if (failed == null) {
                done.add(events.get(i));
            }
            else if (failure == null) {
                failure = failed;
            }
        }
        published.increment(done.size());
        return new Publication(done, failure == null ? null : new EventsNotPublishedException(
                events.size() - done.size(), events.size(), failure));
    }

    /**
     * Connects the producer and learns the topic before the first request needs it (connection, metadata, producer
     * id), in the background: a broker that is away at start delays nothing but this.
     */
    void warmUp(String topic) {
        CompletableFuture.runAsync(() -> {
            try {
                kafka.partitionsFor(topic);
            }
            catch (RuntimeException brokerAway) {
                log.info("Ingest's producer could not reach Kafka yet ({}); it connects on the first event",
                        brokerAway.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void close() {
        if (kafka.getProducerFactory() instanceof DisposableBean factory) {
            try {
                factory.destroy();
            }
            catch (Exception e) {
                throw new IllegalStateException("Ingest's producer did not close", e);
            }
        }
    }

    private static void awaitAll(List<CompletableFuture<?>> sends, long deadline) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException someFailedOrLate) {
            // each send is looked at on its own below: what Kafka has is stored, the rest counts as not published
        }
    }

    /** Why one of the sends did not (yet) get through, or {@code null} when Kafka has them all. */
    private static Throwable failureOf(List<CompletableFuture<?>> sends) {
        for (CompletableFuture<?> send : sends) {
            Throwable failure = send.isDone() ? OutboxPublisher.failure(send)
                    : new TimeoutException("Kafka did not acknowledge in time");
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /**
     * @param published the events Kafka has, in the order given
     * @param failure   why the others are not published, or {@code null}
     */
    record Publication(List<IngestedEvent> published, EventsNotPublishedException failure) {
    }
}
