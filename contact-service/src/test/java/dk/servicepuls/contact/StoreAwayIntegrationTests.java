package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.RunningService;
import dk.servicepuls.testing.StoreThatGoesAway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The store goes away under a running contact-service and comes back on the same file: meanwhile ingest answers a
 * 503 problem with {@code Retry-After} and acknowledges nothing; the department's retry afterwards is accepted, and
 * every acknowledged event reaches contact.events.
 */
@EmbeddedKafka(partitions = 1)
class StoreAwayIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void whileTheStoreIsAwayIngestAnswers503WithRetryAfterAndARetryAfterwardsIsAccepted(EmbeddedKafkaBroker broker) {
        String before = event("case.opened", "SAG-away-1", "byg").data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"business\"}}").json();
        String during = event("case.closed", "SAG-away-2", "byg").json();

        try (var store = new StoreThatGoesAway(directory.resolve("store.mv"));
                var published = new RecordedTopic(broker.getBrokersAsString(), Topics.CONTACT_EVENTS);
                var service = RunningService.start(ContactServiceApplication.class, store.uri("contact"),
                        broker.getBrokersAsString())) {
            HttpCalls http = service.http();
            assertThat(post(http, before).status()).isEqualTo(202);

            store.goAway();
            long asked = System.nanoTime();
            HttpCalls.Answer away = post(http, during);
            long answeredInMillis = (System.nanoTime() - asked) / 1_000_000;
            assertThat(away.status()).isEqualTo(503);
            assertThat(away.contentType()).startsWith("application/problem+json");
            assertThat(away.header("Retry-After")).isPresent();
            assertThat(away.body()).contains("store-unavailable");

            store.comeBack();
            HttpCalls.Answer retried = post(http, during);
            assertThat(retried.status()).as(retried.body()).isEqualTo(202);

            // at least once: the relay may have had the first event on Kafka but not yet taken it out of the store
            // when the store went, and then sends it again, which consumers take for a repeat
            await().atMost(WAIT).untilAsserted(() -> assertThat(published.records()).extracting(r -> r.key())
                    .contains("SAG-away-1", "SAG-away-2"));
            assertThat(published.records()).extracting(r -> RecordedTopic.header(r, "ce_subject"))
                    .containsOnly("SAG-away-1", "SAG-away-2");
            assertThat(published.records().stream().filter(r -> r.key().equals("SAG-away-2")).count())
                    .as("the event refused while the store was away, then accepted").isOne();
            System.out.printf("faults: store away (contact-service, HTTP ingest): answered %d with Retry-After %s in %d ms "
                    + "while away; the retry afterwards %d; on contact.events both acknowledged events, in %d records%n",
                    away.status(), away.header("Retry-After").orElse("-"), answeredInMillis,
                    retried.status(), published.records().size());
        }
    }

    private static HttpCalls.Answer post(HttpCalls http, String event) {
        return http.post("/api/v1/events", "application/cloudevents+json", event);
    }
}
