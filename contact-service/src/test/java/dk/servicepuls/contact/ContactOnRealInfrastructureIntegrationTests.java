package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RealInfrastructureInitializer;
import dk.servicepuls.testing.RealInfrastructureTest;
import dk.servicepuls.testing.RecordedTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** contact-service against the real Kafka and MongoDB images; skipped where no Docker engine runs. */
@RealInfrastructureTest
class ContactOnRealInfrastructureIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void storesPublishesAndDeduplicatesOnRealMongoAndKafka() {
        HttpCalls http = new HttpCalls(port);
        String event = event("case.opened", "SAG-real", "byg").data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"citizen\",\"id\":\"local-1\"}}").json();

        try (var published = new RecordedTopic(RealInfrastructureInitializer.kafkaBootstrapServers(),
                Topics.CONTACT_EVENTS)) {
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", event).status()).isEqualTo(202);
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", event).status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.records()).hasSize(1));
            assertThat(http.get("/api/v1/cases/SAG-real/timeline?department=byg").json().get("events")).hasSize(1);
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
