package dk.servicepuls.benchmark.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dk.servicepuls.benchmark.load.GeneratedEvent;

/**
 * Publishes events to {@code ingest.contact} in CloudEvents binary mode ({@code ce_*} headers, the data as the
 * value), keyed by case id as the contract asks.
 */
public final class IngestProducer implements AutoCloseable {

    public static final String INGEST_CONTACT = "ingest.contact";

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public IngestProducer(String bootstrapServers) {
        this.producer = Producers.durable(bootstrapServers);
    }

    public void send(GeneratedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", event.source());
        header(headers, "ce_type", event.type());
        header(headers, "ce_time", event.time().toString());
        header(headers, "ce_subject", event.subject());
        header(headers, "ce_department", event.department());
        header(headers, "content-type", "application/json");
        producer.send(new ProducerRecord<>(INGEST_CONTACT, null, bytes(event.subject()), bytes(event.data()), headers),
                (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    }
                    else {
                        failure.compareAndSet(null, exception);
                    }
                });
    }

    /** Records the broker has acknowledged (acks=all). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** The first send that failed, if any. */
    public Exception failure() {
        return failure.get();
    }

    public void flush() {
        producer.flush();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
