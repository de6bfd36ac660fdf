package dk.servicepuls.feedback.analysis;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.IngestScenario;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.ServiceUnderTest;
import dk.servicepuls.testing.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Comments, complaint texts and contact notes each come out once as feedback.analyzed on feedback.events. */
@ServiceIntegrationTest
class AnalysedTextsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ANALYZED = EventType.FEEDBACK_ANALYZED.type();

    @PerTest
    IngestScenario scenario;

    BinaryRecords caseSystem;

    @BeforeEach
    void caseSystem(ServiceUnderTest service) {
        caseSystem = new BinaryRecords(service.brokers(), "feedback-service");
    }

    @AfterEach
    void close() {
        caseSystem.close();
    }

    @Test
    void aCommentIsAnalysedWithItsScoresAndTheWordsThatSaidItButNotItsText() {
        TestEvents feedback = event("feedback.submitted", scenario.caseId, scenario.department).data("""
                {"feedbackId":"f-7","csat":1,"ces":6,"comment":"Jeg vil klage over afgørelsen, ring på 22 33 44 55","language":"da"}""");

        assertThat(scenario.http.post("/api/v1/events", "application/cloudevents+json", feedback.json()).status()).isEqualTo(202);

        ConsumerRecord<String, byte[]> analysed = awaitOneAnalysis();
        assertThat(RecordedTopic.header(analysed, "ce_source")).isEqualTo(AnalysedTexts.SOURCE);
        assertThat(RecordedTopic.header(analysed, "ce_subject")).isEqualTo(scenario.caseId);
        assertThat(RecordedTopic.header(analysed, "ce_department")).isEqualTo(scenario.department);
        assertThat(RecordedTopic.value(analysed)).contains("\"feedbackId\":\"f-7\"", "\"complaintIntent\":true",
                "\"intentKinds\":[\"appeal\"]", "appeal:klage over afgørelsen", "\"analysed\":\"feedback-comment\"",
                "\"csat\":1", "\"ces\":6", "\"sentiment\":\"negative\"")
                .doesNotContain("22 33 44 55", "[PHONE]", "ring på");
    }

    @Test
    void aContactNoteOnContactEventsIsAnalysedAndARedeliveryAnnouncesNothingNew() throws Exception {
        String id = UUID.randomUUID().toString();
        String note = "{\"contactId\":\"k-9\",\"channel\":\"phone\",\"direction\":\"inbound\","
                + "\"note\":\"Borger er meget utilfreds med ventetiden og vil gå til pressen\"}";
        var sent = caseSystem.send(Topics.CONTACT_EVENTS, scenario.caseId,
                BinaryRecords.headers(id, EventType.CONTACT_RECORDED.type(), scenario.caseId, scenario.department), note);
        await().atMost(WAIT).until(() -> caseSystem.consumed(sent));
        ConsumerRecord<String, byte[]> analysed = awaitOneAnalysis();
        assertThat(RecordedTopic.value(analysed)).contains("\"feedbackId\":\"k-9\"", "\"analysed\":\"contact-note\"",
                "\"intentKinds\":[\"press\"]", "waiting-time");

        var again = caseSystem.send(Topics.CONTACT_EVENTS, scenario.caseId,
                BinaryRecords.headers(id, EventType.CONTACT_RECORDED.type(), scenario.caseId, scenario.department), note);
        await().atMost(WAIT).until(() -> caseSystem.consumed(again));

        assertThat(scenario.published.recordsUntilNow(Duration.ofSeconds(3)).stream()
                .filter(r -> scenario.caseId.equals(r.key()) && ANALYZED.equals(RecordedTopic.header(r, "ce_type"))))
                .hasSize(1);
    }

    @Test
    void feedbackWithoutACommentIsNotAnalysed() throws Exception {
        TestEvents scores = event("feedback.submitted", scenario.caseId, scenario.department)
                .data("{\"feedbackId\":\"f-8\",\"csat\":5}");
        TestEvents comment = event("feedback.submitted", scenario.caseId, scenario.department)
                .data("{\"feedbackId\":\"f-9\",\"comment\":\"Tusind tak for hjælpen\"}");

        scenario.http.post("/api/v1/events", "application/cloudevents+json", scores.json());
        scenario.http.post("/api/v1/events", "application/cloudevents+json", comment.json());

        ConsumerRecord<String, byte[]> analysed = awaitOneAnalysis();
        assertThat(RecordedTopic.value(analysed)).contains("\"feedbackId\":\"f-9\"", "\"sentiment\":\"positive\"",
                "good-experience");
    }

    private ConsumerRecord<String, byte[]> awaitOneAnalysis() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(analyses()).isNotEmpty());
        List<ConsumerRecord<String, byte[]>> analyses = analyses();
        assertThat(analyses).hasSize(1);
        return analyses.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> analyses() {
        return scenario.published.records(r -> scenario.caseId.equals(r.key())
                && ANALYZED.equals(RecordedTopic.header(r, "ce_type")));
    }
}
