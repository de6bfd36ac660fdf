package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.testing.Deliveries;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.RunningService;
import dk.servicepuls.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The broker goes away under a running contact-service (a real KRaft broker, shut down and started again on the same
 * port and log directory): HTTP ingest goes on answering 202, because an accepted event is durable in the store with
 * its outbox entry, and once the broker is back every accepted event is on contact.events.
 */
class BrokerAwayIntegrationTests {

    private static final int WHILE_AWAY = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void ingestAcceptsEventsWhileTheBrokerIsDownAndPublishesEveryOneOnceItIsBack(@TempDir Path dataDir) {
        Path logDir = dataDir.resolve("kafka");
        int port = FreePorts.find();
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = new ArrayList<>();
        long started = System.nanoTime();
        LocalKafkaBroker broker = LocalKafkaBroker.start(logDir, port);
        try (var contact = ServicesOnOneClassPath.start(LocalService.CONTACT, EmbeddedStore.freshUri("broker-away"),
                broker.bootstrapServers())) {
            HttpCalls http = contact.http();
            // one event through first: the relay's producer is connected and knows the topic when the broker goes
            accepted.add(accept(http, department, 0));
            try (var published = new RecordedTopic(broker.bootstrapServers(), Topics.CONTACT_EVENTS)) {
                await().atMost(WAIT).until(() -> Deliveries.of(accepted, published.records()).missing().isEmpty());
            }

            broker.close();
            long away = System.nanoTime();
            long slowest = 0;
            for (int i = 1; i <= WHILE_AWAY; i++) {
                long asked = System.nanoTime();
                accepted.add(accept(http, department, i));
                slowest = Math.max(slowest, System.nanoTime() - asked);
            }
            long acceptedWhileAway = (System.nanoTime() - away) / 1_000_000;
            long pendingWhileAway = pending(contact);
            broker = LocalKafkaBroker.start(logDir, port);
            long back = System.nanoTime();

            try (var published = new RecordedTopic(broker.bootstrapServers(), Topics.CONTACT_EVENTS)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                        .until(() -> Deliveries.of(accepted, published.records()).missing().isEmpty());
                long allOut = (System.nanoTime() - back) / 1_000_000;
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> pending(contact) == 0);
                Deliveries delivered = Deliveries.of(accepted, published.recordsUntilNow(WAIT));

                System.out.printf("faults: broker away on ingest (contact-service, HTTP): %d events answered 202 in "
                        + "%d ms while the broker was down (slowest answer %d ms), %d of them pending in the outbox "
                        + "then; all out %d ms after the broker was back; %s; %d s%n", WHILE_AWAY, acceptedWhileAway,
                        slowest / 1_000_000, pendingWhileAway, allOut, delivered.summary(),
                        (System.nanoTime() - started) / 1_000_000_000);
                assertThat(pendingWhileAway).as("what was accepted while the broker was down waited in the store")
                        .isEqualTo(WHILE_AWAY);
                assertThat(delivered.missing()).isEmpty();
                assertThat(delivered.duplicated()).as("events published more than once").isEmpty();
            }
        }
        finally {
            broker.close();
        }
    }

    /** Posts one contact on its own case and returns its id once answered 202. */
    private static String accept(HttpCalls http, String department, int i) {
        TestEvents event = TestEvents.event("contact.recorded", "SAG-" + i, department)
                .data("{\"contactId\":\"k-" + i + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}");
        HttpCalls.Answer answer = http.post("/api/v1/events", "application/cloudevents+json", event.json());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return event.id();
    }

    /** Stored events whose outbox entry has not gone out yet. */
    private static long pending(RunningService contact) {
        return contact.bean(MongoTemplate.class).count(Query.query(Criteria.where(OutboxEntry.SEQUENCE_FIELD).exists(true)),
                "events");
    }
}
