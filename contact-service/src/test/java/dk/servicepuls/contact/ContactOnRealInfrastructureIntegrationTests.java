package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RealInfrastructure;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestIssuerInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** contact-service against the real Kafka and MongoDB images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY)
@ContextConfiguration(initializers = TestIssuerInitializer.class)
class ContactOnRealInfrastructureIntegrationTests {

    @Container
    static final KafkaContainer kafka = RealInfrastructure.kafka();

    @Container
    static final MongoDBContainer mongo = RealInfrastructure.mongo();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("servicepuls-contact"));
    }

    @LocalServerPort
    int port;

    @Test
    void storesPublishesAndDeduplicatesOnRealMongoAndKafka() {
        HttpCalls http = new HttpCalls(port);
        String event = event("case.opened", "SAG-real", "byg").data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"citizen\",\"id\":\"local-1\"}}").json();

        try (var published = new RecordedTopic(kafka.getBootstrapServers(), Topics.CONTACT_EVENTS)) {
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", event).status()).isEqualTo(202);
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", event).status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.records()).hasSize(1));
            assertThat(http.get("/api/v1/cases/SAG-real/timeline?department=byg").json().get("events")).hasSize(1);
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
