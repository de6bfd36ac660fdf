package dk.servicepuls.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.Deliveries;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.RunningService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * contact-service stopped (an orderly shutdown, as a redeploy does it) while a department's system is still putting a
 * stream on ingest.contact, and started again on the same store and broker: every event of the stream reaches
 * contact.events, once. What the first instance committed on ingest.contact is published and stored (ingest publishes
 * first, then stores); what it had stored but not committed comes again as repeats, which publish nothing new. No
 * stored event is left with an outbox entry (documents written before ingest published first may be, and the sweep
 * at start publishes them).
 * <p>
 * Found by this test and fixed, when ingest still published through the relay: {@code OutboxRelay.stop()} interrupted the relay thread in the middle of a round,
 * and when the interrupt landed in the write that takes sent entries out, the drain that followed published them a
 * second time (one extra copy in about half the runs); and the relay stopped before the input bindings, so events the
 * ingest consumer stored after the relay's last drain waited for the next start. An orderly stop now publishes
 * everything it accepted exactly once.
 */
@EmbeddedKafka(partitions = 3)
class StopMidStreamIntegrationTests {

    private static final int EVENTS = 2_000;
    /** Sent at once before the stream, so that the stream starts on a service that is consuming. */
    private static final int FIRST = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "contact-service";

    @Test
    void serviceStoppedMidStreamPublishesEveryEventOnceAfterItsRestart(EmbeddedKafkaBroker broker) throws Exception {
        String store = EmbeddedStore.freshUri("midstream");
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        List<BinaryRecords.Outgoing> stream = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String caseId = "SAG-" + (i % 200);
            stream.add(new BinaryRecords.Outgoing(caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                    EventType.CONTACT_RECORDED.type(), caseId, department),
                    "{\"contactId\":\"k-" + i + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}"));
        }
        List<String> ids = stream.stream().map(record -> record.headers().get("ce_id")).toList();
        long started = System.nanoTime();
        ExecutorService system = Executors.newSingleThreadExecutor();

        try (var published = new RecordedTopic(broker.getBrokersAsString(), Topics.CONTACT_EVENTS);
                var ingest = new BinaryRecords(broker.getBrokersAsString(), GROUP)) {
            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Void> sending;
            int sentAtStop;
            try (var service = start(broker, store)) {
                // ingest's own count: the moment events are on contact.events, not when a reader sees them
                Counter relayed = service.bean(MeterRegistry.class).counter("servicepuls.ingest.published");
                sent.addAndGet(ingest.sendAll(Topics.INGEST_CONTACT, stream.subList(0, FIRST)).size());
                await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> relayed.count() >= FIRST);
                // the rest one record at a time, each acknowledged before the next, as a department's system sends:
                // the stream goes on while the service stops, while it is down and after it is back
                sending = CompletableFuture.runAsync(() -> stream.subList(FIRST, EVENTS).forEach(record -> {
                    ingest.send(Topics.INGEST_CONTACT, record.key(), record.headers(), record.value());
                    sent.incrementAndGet();
                }), system);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> relayed.count() > FIRST);
                sentAtStop = sent.get();
            }
            int sentWhenStopped = sent.get();
            // stopped: what it published is all there is until the next start
            Deliveries stopped = Deliveries.of(ids, published.recordsUntilNow(WAIT));
            long leftInTheOutbox = pendingInTheOutbox(store);
            long uncommitted = ingest.lag(Topics.INGEST_CONTACT);

            try (var restarted = start(broker, store)) {
                sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                        .until(() -> Deliveries.of(ids, published.records()).missing().isEmpty());
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> ingest.caughtUp(Topics.INGEST_CONTACT));
            }
            Deliveries resumed = Deliveries.of(ids, published.recordsUntilNow(WAIT));

            System.out.printf("faults: stopped mid-stream (contact-service, Kafka ingest): %d events on ingest.contact, "
                    + "the first %d at once, the rest one by one; the stop began after %d were sent and ended after %d; "
                    + "then %d were on contact.events (%d extra copies), %d stored but not published, %d sent but not "
                    + "committed; after the restart %s; %d s%n", EVENTS, FIRST, sentAtStop, sentWhenStopped,
                    stopped.distinct(), stopped.extraCopies(), leftInTheOutbox, uncommitted, resumed.summary(),
                    (System.nanoTime() - started) / 1_000_000_000);
            assertThat(stopped.missing()).as("the stop came mid-stream, before the last event was out").isNotEmpty();
            assertThat(stopped.distinct()).isGreaterThanOrEqualTo(FIRST);
            assertThat(resumed.missing()).isEmpty();
            assertThat(resumed.distinct()).isEqualTo(EVENTS);
            assertThat(leftInTheOutbox).as("stored but not published by the orderly stop").isZero();
            assertThat(resumed.extraCopies()).as("events published twice").isZero();
            assertThat(copiesDiffering(published.recordsUntilNow(WAIT), resumed)).isZero();
        }
        finally {
            system.shutdownNow();
        }
    }

    /** How many extra copies differ from the first record of their event in key, value or CloudEvents headers. */
    private static long copiesDiffering(List<ConsumerRecord<String, byte[]>> records, Deliveries deliveries) {
        Map<String, String> first = new HashMap<>();
        long differing = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            String id = RecordedTopic.header(record, "ce_id");
            if (deliveries.duplicated().contains(id) && first.putIfAbsent(id, fingerprint(record)) != null
                    && !first.get(id).equals(fingerprint(record))) {
                differing++;
            }
        }
        return differing;
    }

    private static String fingerprint(ConsumerRecord<String, byte[]> record) {
        StringBuilder fingerprint = new StringBuilder(record.key()).append('|').append(RecordedTopic.value(record));
        record.headers().forEach(header -> fingerprint.append('|').append(header.key()).append('=')
                .append(new String(header.value(), StandardCharsets.UTF_8)));
        return fingerprint.toString();
    }

    private static RunningService start(EmbeddedKafkaBroker broker, String store) {
        return RunningService.start(ContactServiceApplication.class, store, broker.getBrokersAsString());
    }

    /** Stored events whose outbox entry is still there: what the next start's sweep has to publish. */
    private static long pendingInTheOutbox(String store) {
        try (var client = MongoClients.create(store)) {
            return client.getDatabase(new ConnectionString(store).getDatabase()).getCollection("events")
                    .countDocuments(Filters.exists(OutboxEntry.SEQUENCE_FIELD));
        }
    }
}
