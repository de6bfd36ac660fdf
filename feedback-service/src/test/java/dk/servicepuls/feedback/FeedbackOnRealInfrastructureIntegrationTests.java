package dk.servicepuls.feedback;

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

/** feedback-service against the real Kafka and MongoDB images; skipped where no Docker engine runs. */
@RealInfrastructureTest
class FeedbackOnRealInfrastructureIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void takesInAnswersOnceAndPublishesThemWithTheirAnalysisOnRealMongoAndKafka() {
        HttpCalls http = new HttpCalls(port);
        String answer = event("feedback.submitted", "SAG-real", "borgerservice").data("""
                {"feedbackId":"f-real","csat":1,"comment":"Jeg vil klage over afgørelsen, ring på 22 33 44 55"}""").json();

        try (var published = new RecordedTopic(RealInfrastructureInitializer.kafkaBootstrapServers(),
                Topics.FEEDBACK_EVENTS)) {
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", answer).status()).isEqualTo(202);
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", answer).status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.records())
                    .extracting(record -> RecordedTopic.header(record, "ce_type"))
                    .containsExactlyInAnyOrder("dk.servicepuls.feedback.submitted.v1", "dk.servicepuls.feedback.analyzed.v1"));
            assertThat(published.records()).extracting(RecordedTopic::value)
                    .allSatisfy(value -> assertThat(value).doesNotContain("22 33 44 55"));
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
