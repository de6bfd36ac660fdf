package dk.servicepuls.feedback;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.sealing.TextKeyRing;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.IngestScenario;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.ServiceUnderTest;
import dk.servicepuls.testing.TestEvents;
import dk.servicepuls.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class FeedbackIngestIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EmbeddedKafkaBroker broker;

    @PerTest
    IngestScenario scenario;

    @Autowired
    TextKeyRing keys;

    @Test
    void publishesFeedbackWithTheCommentMaskedAndSealedWithTheCasesKey() {
        TestEvents feedback = event("feedback.submitted", scenario.caseId, scenario.department).data("""
                {"feedbackId":"f-1","csat":2,"ces":6,"comment":"Ring til mig på 22 33 44 55 eller skriv til a@b.dk","language":"da"}""");

        assertThat(scenario.http.post("/api/v1/events", "application/cloudevents+json", feedback.json()).status()).isEqualTo(202);

        // the comment's analysis (feedback.analyzed) follows on the same topic and key
        await().atMost(WAIT).untilAsserted(() -> assertThat(submitted()).hasSize(1));
        var record = submitted().get(0);
        assertThat(RecordedTopic.header(record, "ce_type")).isEqualTo("dk.servicepuls.feedback.submitted.v1");
        assertThat(RecordedTopic.value(record)).contains("\"csat\":2", "\"comment\":\"sealed:v1:")
                .doesNotContain("22 33 44 55", "a@b.dk", "Ring til mig", "[PHONE]");
        String comment = JsonMapper.builder().build().readTree(RecordedTopic.value(record)).get("comment").asString();
        keys.prepare(List.of(comment));
        assertThat(keys.open(comment)).contains("Ring til mig på [PHONE] eller skriv til [EMAIL]");
    }

    @Test
    void feedbackWithoutATokenOrFromAnotherDepartmentsSenderIsRefusedAndNotPublished(ServiceUnderTest service) {
        TestEvents feedback = event("feedback.submitted", scenario.caseId, scenario.department)
                .data("{\"feedbackId\":\"f-9\",\"csat\":4}");
        HttpCalls anonymous = new HttpCalls(service.port(), HttpCalls.Bearer.NONE);
        HttpCalls esdh = new HttpCalls(service.port(), (method, path) -> TestTokens.system(TestTokens.ESDH_SYSTEM));

        assertThat(anonymous.post("/api/v1/events", "application/cloudevents+json", feedback.json()).status()).isEqualTo(401);
        var forbidden = esdh.post("/api/v1/events", "application/cloudevents+json", feedback.json());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("errors").get(0).get("pointer").asString()).isEqualTo("#/department");
        // every API of the service is behind the same chain, the text analysis included
        assertThat(anonymous.post("/api/v1/analysis", "application/json", "{\"text\":\"hej\"}").status()).isEqualTo(401);

        assertThat(scenario.http.post("/api/v1/events", "application/cloudevents+json", feedback.json()).status()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(scenario.published.records(r -> scenario.caseId.equals(r.key())))
                .as("only the sender's own event, once").hasSize(1));
    }

    private java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> submitted() {
        return scenario.published.records(r -> scenario.caseId.equals(r.key())
                && "dk.servicepuls.feedback.submitted.v1".equals(RecordedTopic.header(r, "ce_type")));
    }

    @Test
    void rejectsFeedbackWithoutAnyAnswer() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                event("feedback.submitted", scenario.caseId, scenario.department).data("{\"feedbackId\":\"f-2\"}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("pointer")).containsExactly("#/data");
    }

    @Test
    void rejectsCaseEventsThatBelongToContactService() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                event("case.closed", scenario.caseId, scenario.department).json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("detail").asString()).contains("ingest.contact");
    }

    @Test
    void takesComplaintsFromTheIngestTopicWithoutACase() {
        TestEvents complaint = event("dk.servicepuls.complaint.filed.v1").department(scenario.department).data("""
                {"complaintId":"c-%s","kind":"service_complaint","text":"Ingen svarede i telefonen"}""".formatted(scenario.caseId));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_FEEDBACK, null,
                    complaint.json().getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }

        // without a case, the key is the event id, so one party's complaints do not pile onto one partition
        await().atMost(WAIT).untilAsserted(() -> assertThat(scenario.published.records(r -> complaint.id().equals(r.key()))).hasSize(1));
    }
}
