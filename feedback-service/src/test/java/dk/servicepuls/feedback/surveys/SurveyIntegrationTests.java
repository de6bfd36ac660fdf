package dk.servicepuls.feedback.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.sealing.TextKeyRing;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.IngestScenario;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.ServiceUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a contact on contact.events to an invitation on feedback.events, and from its link to an answer published as
 * feedback.submitted: once, masked, and never again with the same link.
 */
@ServiceIntegrationTest
// every contact sampled (a list set here replaces the one of application.yml as a whole)
@TestPropertySource(properties = { "servicepuls.surveys.rules[0].trigger=contact-recorded",
        "servicepuls.surveys.rules[0].types=csat,ces", "servicepuls.surveys.rules[0].sampling=1.0",
        "servicepuls.surveys.rules[0].quiet-period=90d",
        // reminders due at once; the tests send them (SurveyReminders.run) instead of waiting for the schedule
        "servicepuls.surveys.remind-after=1ms" })
class SurveyIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM = "application/x-www-form-urlencoded";

    @PerTest
    IngestScenario scenario;

    @Autowired
    TextKeyRing keys;

    @Autowired
    SurveyTokens tokens;

    @Autowired
    SurveyReminders reminders;

    @Autowired
    MongoTemplate mongo;

    BinaryRecords caseSystem;
    HttpCalls citizen;
    final String party = "party-" + UUID.randomUUID();

    @BeforeEach
    void setUp(ServiceUnderTest service) {
        caseSystem = new BinaryRecords(service.brokers(), "feedback-service");
        citizen = new HttpCalls(service.port(), HttpCalls.Bearer.NONE);
    }

    @AfterEach
    void close() {
        caseSystem.close();
    }

    @Test
    void aContactIsInvitedTheLinkTakesOneAnswerAndTheAnswerIsPublishedMaskedAndSealed() throws Exception {
        caseOpened(scenario.caseId);
        String id = contact(scenario.caseId, "k-1");

        JsonNode invited = awaitInvitations(scenario.caseId, 1).get(0);
        assertThat(invited.get("contactId").asString()).isEqualTo("k-1");
        String url = invited.get("surveyUrl").asString();
        assertThat(url).matches("http://localhost:8082/s/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").doesNotContain(party);
        String page = "/s/" + url.substring(url.lastIndexOf('/') + 1);

        HttpCalls.Answer form = citizen.get(page);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("lang=\"da\"", "Hvor tilfreds er du med hjælpen", "Hvor let var det",
                "name=\"csat\"", "name=\"ces\"").doesNotContain("<script", "http://", "https://");
        assertThat(citizen.get(page + "?lang=en").body()).contains("lang=\"en\"", "How satisfied are you");

        HttpCalls.Answer invalid = citizen.post(page, FORM, "csat=9&comment=");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Vælg et af svarene.", "href=\"#q-csat\"");
        assertThat(citizen.post(page, FORM, "comment=").body()).contains("Svar på mindst ét spørgsmål");

        HttpCalls.Answer thanks = citizen.post(page, FORM, "csat=2&ces=6&comment="
                + URLEncoder.encode("Ventetiden var alt for lang, ring på 22 33 44 55", StandardCharsets.UTF_8));
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.body()).contains("Tak for dit svar");

        await().atMost(WAIT).untilAsserted(() -> assertThat(published(scenario.caseId, EventType.FEEDBACK_SUBMITTED)).hasSize(1));
        ConsumerRecord<String, byte[]> answer = published(scenario.caseId, EventType.FEEDBACK_SUBMITTED).get(0);
        assertThat(RecordedTopic.value(answer)).contains("\"csat\":2", "\"ces\":6", "\"language\":\"da\"",
                "\"feedbackId\":\"" + invited.get("invitationId").asString() + "\"").doesNotContain("22 33 44 55", "Ventetiden");
        String comment = JsonMapper.builder().build().readTree(RecordedTopic.value(answer)).get("comment").asString();
        keys.prepare(List.of(comment));
        assertThat(keys.open(comment)).as("sealed with the case's key").contains("Ventetiden var alt for lang, ring på [PHONE]");
        assertThat(RecordedTopic.header(answer, "ce_department")).isEqualTo(scenario.department);

        HttpCalls.Answer again = citizen.post(page, FORM, "csat=5");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("Du har allerede svaret");
        assertThat(citizen.get(page).body()).contains("Du har allerede svaret");

        // the same contact delivered again invites nobody twice
        caseSystem.send(Topics.CONTACT_EVENTS, scenario.caseId, BinaryRecords.headers(id,
                EventType.CONTACT_RECORDED.type(), scenario.caseId, scenario.department), contactData("k-1"));
        assertThat(invitations(scenario.caseId, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void theSamePartyIsNotAskedAgainWithinTheQuietPeriodNorOnACaseWithAComplaint() throws Exception {
        caseOpened(scenario.caseId);
        contact(scenario.caseId, "k-1");
        awaitInvitations(scenario.caseId, 1);
        contact(scenario.caseId, "k-2");

        String complained = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
        String otherParty = "other-" + UUID.randomUUID();
        caseSystem.send(Topics.CONTACT_EVENTS, complained, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.CASE_OPENED.type(), complained, scenario.department),
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"ref\":\"" + otherParty + "\"}}");
        caseSystem.send(Topics.FEEDBACK_EVENTS, complained, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.COMPLAINT_FILED.type(), complained, scenario.department),
                "{\"complaintId\":\"c-1\",\"kind\":\"service_complaint\"}");
        await().atMost(WAIT).until(() -> caseSystem.caughtUp(Topics.FEEDBACK_EVENTS));
        contact(complained, "k-3");

        assertThat(invitations(scenario.caseId, Duration.ofSeconds(3))).as("within 90 days of the first").hasSize(1);
        assertThat(invitations(complained, Duration.ofSeconds(1))).as("a case with a complaint").isEmpty();
    }

    @Test
    void anUnansweredInvitationIsRemindedOnceWithTheSameLinkAndAnAnsweredOneNot() throws Exception {
        caseOpened(scenario.caseId);
        contact(scenario.caseId, "k-1");
        JsonNode invited = awaitInvitations(scenario.caseId, 1).get(0);
        String answeredCase = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
        caseOpened(answeredCase, "another-" + UUID.randomUUID());
        contact(answeredCase, "k-2");
        String answeredUrl = awaitInvitations(answeredCase, 1).get(0).get("surveyUrl").asString();
        assertThat(citizen.post("/s/" + answeredUrl.substring(answeredUrl.lastIndexOf('/') + 1), FORM, "csat=5").status())
                .isEqualTo(200);

        // each write of invitations is a note of its own, keyed by the minute it falls due
        assertThat(mongo.findAll(org.bson.Document.class, SurveyReminders.BUCKETS)).isNotEmpty().allSatisfy(
                note -> assertThat(note.getString("_id")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d/inv-.+"));
        reminders.run();
        reminders.run();
        assertThat(mongo.findAll(org.bson.Document.class, SurveyReminders.BUCKETS)).as("its note taken out")
                .noneSatisfy(note -> assertThat(note.getList("ids", String.class))
                        .contains(invited.get("invitationId").asString()));

        List<JsonNode> sent = awaitInvitations(scenario.caseId, 2);
        assertThat(sent.get(1).get("reminder").asBoolean()).isTrue();
        assertThat(sent.get(1).get("surveyUrl").asString()).isEqualTo(invited.get("surveyUrl").asString());
        assertThat(sent.get(1).get("invitationId").asString()).isEqualTo(invited.get("invitationId").asString());
        assertThat(invitations(scenario.caseId, Duration.ofSeconds(2))).as("once").hasSize(2);
        assertThat(invitations(answeredCase, Duration.ZERO)).as("answered: no reminder").hasSize(1);
    }

    @Test
    void anUnknownOrForgedLinkAndAnExpiredOneHaveTheirOwnPages() {
        HttpCalls.Answer forged = citizen.get("/s/" + tokens.sign("inv-does-not-exist", Instant.now().plusSeconds(3600)));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("Linket virker ikke");
        assertThat(citizen.get("/s/not-a-token").status()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkSaysSo() throws Exception {
        caseOpened(scenario.caseId);
        contact(scenario.caseId, "k-1");
        String invitationId = awaitInvitations(scenario.caseId, 1).get(0).get("invitationId").asString();

        HttpCalls.Answer expired = citizen.get("/s/" + tokens.sign(invitationId, Instant.now().minusSeconds(60)));

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("Linket er udløbet");
        assertThat(citizen.post("/s/" + tokens.sign(invitationId, Instant.now().minusSeconds(60)), FORM, "csat=4").status())
                .isEqualTo(410);
    }

    private void caseOpened(String caseId) throws Exception {
        caseOpened(caseId, party);
    }

    private void caseOpened(String caseId, String partyRef) throws Exception {
        var sent = caseSystem.send(Topics.CONTACT_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.CASE_OPENED.type(), caseId, scenario.department),
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"ref\":\"" + partyRef + "\"}}");
        await().atMost(WAIT).until(() -> caseSystem.consumed(sent));
    }

    private String contact(String caseId, String contactId) throws Exception {
        String id = UUID.randomUUID().toString();
        var sent = caseSystem.send(Topics.CONTACT_EVENTS, caseId, BinaryRecords.headers(id,
                EventType.CONTACT_RECORDED.type(), caseId, scenario.department), contactData(contactId));
        await().atMost(WAIT).until(() -> caseSystem.consumed(sent));
        return id;
    }

    private static String contactData(String contactId) {
        return "{\"contactId\":\"" + contactId + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}";
    }

    private List<JsonNode> awaitInvitations(String caseId, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(published(caseId, EventType.SURVEY_INVITED)).hasSize(count));
        return published(caseId, EventType.SURVEY_INVITED).stream().map(r -> JSON.readTree(RecordedTopic.value(r))).toList();
    }

    private List<ConsumerRecord<String, byte[]>> invitations(String caseId, Duration settle) {
        return scenario.published.recordsUntilNow(settle).stream().filter(r -> caseId.equals(r.key())
                && EventType.SURVEY_INVITED.type().equals(RecordedTopic.header(r, "ce_type"))).toList();
    }

    private List<ConsumerRecord<String, byte[]>> published(String caseId, EventType type) {
        return scenario.published.records(r -> caseId.equals(r.key()) && type.type().equals(RecordedTopic.header(r, "ce_type")));
    }
}
