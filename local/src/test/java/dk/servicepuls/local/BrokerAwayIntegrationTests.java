package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.Deliveries;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.RunningService;
import dk.servicepuls.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The broker goes away under a running contact-service (a real KRaft broker, shut down and started again on the same
 * port and log directory). Ingest publishes before it stores, so while Kafka cannot take an event nothing is
 * acknowledged: HTTP answers 503 {@code broker-unavailable} with {@code Retry-After}, and nothing is stored. A sender
 * that sends the same again once the broker is back gets 202 for every event, and every one of them is on
 * contact.events; an event answered 503 may be there twice (the producer still delivered it after the answer), which
 * consumers take for a repeat.
 */
class BrokerAwayIntegrationTests {

    private static final int WHILE_AWAY = 20;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void ingestAnswers503WhileTheBrokerIsDownAndAcceptsTheSameEventsOnceItIsBack(@TempDir Path dataDir) {
        Path logDir = dataDir.resolve("kafka");
        int port = FreePorts.find();
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = new ArrayList<>();
        long started = System.nanoTime();
        LocalKafkaBroker broker = LocalKafkaBroker.start(logDir, port);
        try (var contact = ServicesOnOneClassPath.start(LocalService.CONTACT, EmbeddedStore.freshUri("broker-away"),
                broker.bootstrapServers(), "--servicepuls.ingest.publish-timeout=500ms")) {
            HttpCalls http = contact.http();
            // one event through first: the producer is connected and knows the topic when the broker goes
            TestEvents first = event(department, 0);
            assertThat(post(http, first).status()).isEqualTo(202);
            accepted.add(first.id());
            long storedBefore = stored(contact);

            broker.close();
            List<TestEvents> refused = new ArrayList<>();
            // one at a time and in batches: every request waits out the publish timeout, and is refused whole
            for (int i = 1; i <= WHILE_AWAY; i++) {
                refused.add(event(department, i));
            }
            List<HttpCalls.Answer> answers = List.of(post(http, refused.get(0)),
                    postBatch(http, refused.subList(1, WHILE_AWAY / 2)),
                    postBatch(http, refused.subList(WHILE_AWAY / 2, WHILE_AWAY)));
            for (HttpCalls.Answer answer : answers) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.body()).contains("broker-unavailable");
                assertThat(answer.header("Retry-After")).contains("5");
            }
            long storedWhileAway = stored(contact) - storedBefore;
            broker = LocalKafkaBroker.start(logDir, port);
            long back = System.nanoTime();

            // the sender sends each again until it is accepted, as Retry-After asks
            for (TestEvents event : refused) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> post(http, event).status() == 202);
                accepted.add(event.id());
            }
            long allAccepted = (System.nanoTime() - back) / 1_000_000;
            try (var published = new RecordedTopic(broker.bootstrapServers(), Topics.CONTACT_EVENTS)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                        .until(() -> Deliveries.of(accepted, published.records()).missing().isEmpty());
                Deliveries delivered = Deliveries.of(accepted, published.recordsUntilNow(WAIT));

                System.out.printf("faults: broker away on ingest (contact-service, HTTP): %d events (one alone, the "
                        + "rest in two batches) answered 503 while the broker was down, %d stored then; sent again, "
                        + "all %d accepted %d ms after the broker was back; %s; %d s%n", WHILE_AWAY, storedWhileAway,
                        WHILE_AWAY, allAccepted,
                        delivered.summary(), (System.nanoTime() - started) / 1_000_000_000);
                assertThat(storedWhileAway).as("nothing is stored (or acknowledged) that Kafka does not have").isZero();
                assertThat(delivered.missing()).isEmpty();
                assertThat(delivered.duplicated()).as("only events answered 503 may be on the topic twice")
                        .isSubsetOf(refused.stream().map(TestEvents::id).toList());
            }
        }
        finally {
            broker.close();
        }
    }

    /** A contact on its own case. */
    private static TestEvents event(String department, int i) {
        return TestEvents.event("contact.recorded", "SAG-" + i, department)
                .data("{\"contactId\":\"k-" + i + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}");
    }

    private static HttpCalls.Answer post(HttpCalls http, TestEvents event) {
        return http.post("/api/v1/events", "application/cloudevents+json", event.json());
    }

    private static HttpCalls.Answer postBatch(HttpCalls http, List<TestEvents> events) {
        return http.post("/api/v1/events", "application/cloudevents-batch+json",
                TestEvents.batch(events.toArray(TestEvents[]::new)));
    }

    private static long stored(RunningService contact) {
        return contact.bean(MongoTemplate.class).count(new Query(), "events");
    }
}
