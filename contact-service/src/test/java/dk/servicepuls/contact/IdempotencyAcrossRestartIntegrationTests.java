package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestIssuerInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 3)
class IdempotencyAcrossRestartIntegrationTests {

    @Test
    void repeatAfterARestartIsAnsweredAsTheFirstAndPublishesNothingNew(EmbeddedKafkaBroker broker) {
        String store = EmbeddedStore.freshUri("restart");
        String event = event("case.opened", "SAG-restart", "byg").data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"business\"}}").json();
        String marker = event("case.closed", "SAG-restart", "byg").json();

        try (var published = new RecordedTopic(broker.getBrokersAsString(), Topics.CONTACT_EVENTS)) {
            HttpCalls.Answer first;
            try (var service = start(broker, store)) {
                first = http(service).post("/api/v1/events", "application/cloudevents+json", event);
                await().atMost(Duration.ofSeconds(20)).until(() -> published.records().size() == 1);
            }
            try (var restarted = start(broker, store)) {
                HttpCalls http = http(restarted);
                var repeat = http.post("/api/v1/events", "application/cloudevents+json", event);
                assertThat(repeat.status()).isEqualTo(202);
                assertThat(repeat.body()).isEqualTo(first.body());

                // ingest publishes what it accepts before answering: once the marker is out, a republished repeat
                // would be too
                http.post("/api/v1/events", "application/cloudevents+json", marker);
                await().atMost(Duration.ofSeconds(20)).until(() -> published.records().size() >= 2);
                assertThat(published.records()).extracting(r -> RecordedTopic.header(r, "ce_type"))
                        .containsExactly("dk.servicepuls.case.opened.v1", "dk.servicepuls.case.closed.v1");
            }
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String store) {
        return new SpringApplicationBuilder(ContactServiceApplication.class).initializers(new TestIssuerInitializer())
                .run("--server.port=0",
                "--spring.mongodb.uri=" + store,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY,
                "--servicepuls.outbox.poll-interval=200ms");
    }

    private static HttpCalls http(ConfigurableApplicationContext context) {
        return new HttpCalls(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
