package dk.servicepuls.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.ApiCalls;
import dk.servicepuls.testing.TestTokens;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class CaseRiskIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    CaseRiskAssessor assessor;

    @Autowired
    CaseRiskStore store;

    HttpCalls http;
    ApiCalls api;
    BinaryRecords records;
    RecordedTopic announced;
    String department;
    String caseId;

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
        api = new ApiCalls(port);
        records = new BinaryRecords(broker.getBrokersAsString(), "escalation-service");
        announced = new RecordedTopic(broker.getBrokersAsString(), Topics.ESCALATION_EVENTS);
        department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        announced.close();
        records.close();
    }

    @Test
    void rejectionAheadLowSatisfactionAndRepeatedContactsMakeAHighRiskWithTheirReasons() {
        String party = partyRef();
        caseOpened(caseId, party, Instant.now());
        decisionPending(caseId, "rejected");
        for (int i = 0; i < 3; i++) {
            contact(caseId, "inbound", Instant.now());
        }
        feedback(caseId, "{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"csat\":1,\"comment\":\"Ring til mig på 12345678\"}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(risk(caseId).get("score").asInt()).isEqualTo(70));
        JsonNode risk = risk(caseId);
        assertThat(risk.get("level").asString()).isEqualTo("high");
        assertThat(risk.get("modelVersion").asString()).isEqualTo("2026.11-1");
        assertThat(Instant.parse(risk.get("assessedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(codes(risk.get("factors")))
                .containsExactly("unfavourable_decision_pending", "negative_feedback", "repeated_contacts");
        assertThat(risk.get("factors").valueStream().map(factor -> factor.get("contribution").asDouble()))
                .containsExactly(40.0, 15.0, 15.0);
        assertThat(risk.get("factors").get(2).get("reasonDa").asString())
                .isEqualTo("Parten har henvendt sig 3 gange inden for 14 dage.");
        assertThat(risk.get("factors").get(2).get("reasonEn").asString())
                .isEqualTo("The party got in touch 3 times within 14 days.");
        assertThat(risk.toString()).doesNotContain(party, "partyRef", "12345678", "Ring til");
        assertThat(assessments("high")).isPositive();
    }

    @Test
    void redeliveredEventChangesNothingAndIsAnnouncedOnce() {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.DECISION_PENDING.type(), caseId, department);
        String data = decisionData("rejected");

        records.send(Topics.CONTACT_EVENTS, caseId, headers, data);
        RecordMetadata again = records.send(Topics.CONTACT_EVENTS, caseId, headers, data);

        await().atMost(WAIT).until(() -> records.consumed(again));
        JsonNode risk = risk(caseId);
        assertThat(risk.get("score").asInt()).isEqualTo(40);
        assertThat(risk.get("history")).hasSize(1);
        assertThat(assessments("medium")).as("the repeat is no assessment").isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(announcements(caseId)).isNotEmpty());
        assertThat(announcements(caseId)).hasSize(1);
    }

    @Test
    void riskAssessedIsAnnouncedOnEscalationEventsInBinaryModeKeyedByCaseIdAndValidAgainstItsSchema() {
        decisionPending(caseId, "partially_approved");

        await().atMost(WAIT).untilAsserted(() -> assertThat(announcements(caseId)).hasSize(1));
        ConsumerRecord<String, byte[]> record = announcements(caseId).get(0);
        assertThat(record.key()).isEqualTo(caseId);
        assertThat(RecordedTopic.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(RecordedTopic.header(record, "ce_type")).isEqualTo("dk.servicepuls.risk.assessed.v1");
        assertThat(RecordedTopic.header(record, "ce_source")).isEqualTo("/servicepuls/escalation-service");
        assertThat(RecordedTopic.header(record, "ce_id")).startsWith("risk-assessed-");
        assertThat(RecordedTopic.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(RecordedTopic.header(record, "ce_department")).isEqualTo(department);
        assertThat(RecordedTopic.header(record, "content-type")).isEqualTo("application/json");
        JsonNode data = JSON.readTree(RecordedTopic.value(record));
        assertThat(new EventSchemas().validate(EventType.RISK_ASSESSED, data)).isEmpty();
        assertThat(data.get("score").asInt()).isEqualTo(25);
        assertThat(data.get("level").asString()).isEqualTo("low");
        assertThat(data.get("modelVersion").asString()).isEqualTo("2026.11-1");
        assertThat(codes(data.get("factors"))).containsExactly("unfavourable_decision_pending");
        assertThat(Instant.parse(RecordedTopic.header(record, "ce_time")))
                .isEqualTo(Instant.parse(risk(caseId).get("assessedAt").asString()));
    }

    @Test
    void historyGrowsWithEachChangeOfScoreOrLevelOldestFirst() {
        decisionPending(caseId, "rejected");
        await().atMost(WAIT).untilAsserted(() -> assertThat(risk(caseId).get("score").asInt()).isEqualTo(40));
        feedback(caseId, "{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"nps\":3}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(risk(caseId).get("score").asInt()).isEqualTo(55));
        feedback(caseId, EventType.FEEDBACK_ANALYZED, "{\"feedbackId\":\"f-1\",\"language\":\"da\",\"sentiment\":\"negative\","
                + "\"sentimentScore\":-0.7,\"complaintIntent\":true,\"signals\":[\"klage_ord\"],\"topics\":[]}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(risk(caseId).get("score").asInt()).isEqualTo(80));
        RecordMetadata noChange = contact(caseId, "outbound", Instant.now());

        await().atMost(WAIT).until(() -> records.consumed(noChange));
        JsonNode history = risk(caseId).get("history");
        assertThat(history.valueStream().map(entry -> entry.get("score").asInt())).containsExactly(40, 55, 80);
        assertThat(history.valueStream().map(entry -> entry.get("level").asString()))
                .containsExactly("medium", "medium", "high");
        assertThat(codes(history.get(2).get("factors")))
                .containsExactly("unfavourable_decision_pending", "complaint_intent", "negative_feedback");
        await().atMost(WAIT).untilAsserted(() -> assertThat(announcements(caseId)).hasSize(3));
        assertThat(announcements(caseId).stream().map(r -> JSON.readTree(RecordedTopic.value(r)).get("score").asInt()))
                .containsExactly(40, 55, 80);
    }

    @Test
    void theWordsThatSaidAComplaintIsComingAreTheReasonShown() {
        decisionPending(caseId, "rejected");
        await().atMost(WAIT).untilAsserted(() -> assertThat(risk(caseId).get("score").asInt()).isEqualTo(40));
        // as feedback-service announces "Jeg vil klage over afgørelsen, det er helt urimeligt"
        feedback(caseId, EventType.FEEDBACK_ANALYZED, "{\"feedbackId\":\"f-2\",\"language\":\"da\",\"sentiment\":\"negative\","
                + "\"sentimentScore\":-0.85,\"complaintIntent\":true,\"signals\":[\"appeal:klage over afgørelsen\","
                + "\"negative:urimeligt\"],\"topics\":[\"decision-disagreement\"],\"intentKinds\":[\"appeal\"]}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(caseId).get("factors"))).contains("complaint_intent"));
        JsonNode intent = risk(caseId).get("factors").valueStream()
                .filter(factor -> factor.get("code").asString().equals("complaint_intent")).findFirst().orElseThrow();
        assertThat(intent.get("reasonDa").asString()).endsWith("»klage over afgørelsen«.");
        assertThat(intent.get("reasonEn").asString()).contains("klage over afgørelsen").doesNotContain("urimeligt");
    }

    @Test
    void expectedApprovalIsNoUnfavourableDecision() {
        RecordMetadata sent = decisionPending(caseId, "approved");

        await().atMost(WAIT).until(() -> records.consumed(sent));
        JsonNode risk = risk(caseId);
        assertThat(risk.get("score").asInt()).isZero();
        assertThat(risk.get("level").asString()).isEqualTo("low");
        assertThat(risk.get("factors")).isEmpty();
        assertThat(risk.get("history")).as("nothing changed, so nothing was announced").isEmpty();
    }

    @Test
    void complaintByTheSamePartyOnAnotherCaseCounts() {
        String party = partyRef();
        String otherCase = caseId + "-earlier";
        caseOpened(otherCase, party, Instant.now());
        complaint(otherCase, "service_complaint");
        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(otherCase).get("factors")))
                .containsExactly("formal_complaint"));

        caseOpened(caseId, party, Instant.now());
        String strangersCase = caseId + "-stranger";
        RecordMetadata stranger = caseOpened(strangersCase, partyRef(), Instant.now());

        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(caseId).get("factors")))
                .containsExactly("earlier_complaints_by_party"));
        JsonNode risk = risk(caseId);
        assertThat(risk.get("score").asInt()).isEqualTo(15);
        assertThat(risk.toString()).doesNotContain(party);
        await().atMost(WAIT).until(() -> records.consumed(stranger));
        assertThat(risk(strangersCase).get("factors")).isEmpty();
        assertThat(codes(risk(otherCase).get("factors"))).as("its own complaint is no earlier complaint")
                .containsExactly("formal_complaint");
    }

    /**
     * A deployment changing over to per-department references: cases stored before carry the organisation-wide
     * reference, new ones their department's and, for the change-over, the former one. Complaints link both ways.
     */
    @Test
    void complaintsLinkAcrossTheChangeOverToPerDepartmentReferences() {
        String former = partyRef();
        String current = partyRef();
        String oldCase = caseId + "-before";
        caseOpened(oldCase, former, Instant.now());
        complaint(oldCase, "service_complaint");
        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(oldCase).get("factors"))).containsExactly("formal_complaint"));

        caseOpened(caseId, current, former, Instant.now());
        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(caseId).get("factors")))
                .containsExactly("earlier_complaints_by_party"));

        String olderCase = caseId + "-older";
        caseOpened(olderCase, former, Instant.now());
        String newCase = caseId + "-after";
        caseOpened(newCase, partyRef(), partyRef(), Instant.now());
        complaint(caseId, "decision_appeal");
        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(caseId).get("factors"))).contains("formal_complaint"));
        contact(olderCase, "outbound", Instant.now());
        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(olderCase).get("factors")))
                .as("a complaint on the new case counts for an old one").containsExactly("earlier_complaints_by_party"));
        assertThat(risk(newCase).get("factors")).as("another party, before and after").isEmpty();
        assertThat(risk(caseId).toString()).doesNotContain(former, current);
    }

    @Test
    void caseOlderThanTheTypicalAgeCountsFromWhenItWasOpened() {
        caseOpened(caseId, null, Instant.now().minus(Duration.ofDays(45)));
        contact(caseId, "outbound", Instant.now());

        await().atMost(WAIT).untilAsserted(() -> assertThat(codes(risk(caseId).get("factors")))
                .containsExactly("case_older_than_typical"));
        assertThat(risk(caseId).get("factors").get(0).get("reasonEn").asString())
                .isEqualTo("The case is 45 days old, more than the typical 30 days.");
    }

    @Test
    void eventWithoutACaseChangesNoRisk() {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.CONTACT_RECORDED.type(), caseId, department);
        headers.remove("ce_subject");
        RecordMetadata sent = records.send(Topics.CONTACT_EVENTS, headers.get("ce_id"), headers, contactData("inbound"));

        await().atMost(WAIT).until(() -> records.consumed(sent));
        assertThat(assessments("low")).isZero();
    }

    @Test
    void everyAssessmentTellsTheServiceWhatATaskNeeds() {
        List<CaseRiskAssessed> heard = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<CaseRiskAssessed>> listener = event -> {
            if (caseId.equals(event.getPayload().caseId())) {
                heard.add(event.getPayload());
            }
        };
        context.addApplicationListener(listener);
        try {
            records.send(Topics.CONTACT_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                    EventType.CASE_OPENED.type(), caseId, department),
                    "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"},\"caseworkerId\":\"sb-7\",\"team\":\"ydelse-1\"}");
            Map<String, String> pendingHeaders = BinaryRecords.headers(UUID.randomUUID().toString(),
                    EventType.DECISION_PENDING.type(), caseId, department);
            records.send(Topics.CONTACT_EVENTS, caseId, pendingHeaders, decisionData("rejected"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(heard).hasSize(2));
            CaseRiskAssessed assessed = heard.get(1);
            assertThat(assessed.department()).isEqualTo(department);
            assertThat(assessed.score()).isEqualTo(40);
            assertThat(assessed.level()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(assessed.changed()).isTrue();
            assertThat(assessed.factors()).extracting(factor -> factor.code()).containsExactly("unfavourable_decision_pending");
            assertThat(assessed.pendingDecision().expectedOutcome()).isEqualTo(ExpectedOutcome.REJECTED);
            assertThat(assessed.pendingDecision().dueAt()).isEqualTo(Instant.parse("2026-12-10T12:00:00Z"));
            assertThat(assessed.pendingDecision().caseworkerId()).isEqualTo("sb-1042");
            assertThat(assessed.caseworkerId()).isEqualTo("sb-1042");
            assertThat(assessed.team()).isEqualTo("ydelse-1");
            assertThat(assessed.complaintIntent()).isFalse();
            assertThat(assessed.cause().id()).isEqualTo(pendingHeaders.get("ce_id"));
            assertThat(assessed.cause().type()).isEqualTo(EventType.DECISION_PENDING);
            assertThat(heard.get(0).changed()).as("a case opened with no signs is no change").isFalse();
        }
        finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void eventsOfOneCaseFromBothTopicsAtOnceAreAllKept() throws Exception {
        int perThread = 15;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(threads.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    assessor.assess(event(EventType.CONTACT_RECORDED, new ContactRecorded("c-" + i, null,
                            ContactRecorded.Direction.INBOUND, null, null, null, null, null, null)));
                }
            }));
            running.add(threads.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    assessor.assess(event(EventType.FEEDBACK_SUBMITTED,
                            new FeedbackSubmitted("f-" + i, null, null, 5, null, null, null, null)));
                }
            }));
            for (Future<?> thread : running) {
                thread.get();
            }
        }
        finally {
            threads.shutdownNow();
        }

        CaseRisk risk = store.find(department, caseId).orElseThrow();
        assertThat(risk.facts()).hasSize(2 * perThread);
        assertThat(risk.version()).as("one write per event, none overwritten").isEqualTo(2 * perThread);
        assertThat(risk.current().factors()).extracting(factor -> factor.code()).containsExactly("repeated_contacts");
    }

    @Test
    void unknownCaseIsANotFoundProblem() {
        var answer = api.get("/api/v1/cases/" + caseId + "/risk?department=" + department, caseworkerToken());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/not-found");
    }

    @Test
    void riskWithoutDepartmentIsABadRequestProblem() {
        var answer = api.get("/api/v1/cases/" + caseId + "/risk", caseworkerToken());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
    }

    private CaseEvent event(EventType type, Record data) {
        return new CaseEvent("/test/esdh", UUID.randomUUID().toString(), type, Instant.now(), department, caseId, data);
    }

    private RecordMetadata caseOpened(String caseId, String partyRef, Instant at) {
        return caseOpened(caseId, partyRef, null, at);
    }

    private RecordMetadata caseOpened(String caseId, String partyRef, String formerRef, Instant at) {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(), EventType.CASE_OPENED.type(),
                caseId, department);
        headers.put("ce_time", at.toString());
        String party = partyRef == null ? "{\"type\":\"citizen\"}" : "{\"type\":\"citizen\",\"ref\":\"" + partyRef + "\""
                + (formerRef == null ? "" : ",\"formerRef\":\"" + formerRef + "\"") + "}";
        return records.send(Topics.CONTACT_EVENTS, caseId, headers,
                "{\"caseType\":\"boligstoette\",\"party\":" + party + ",\"team\":\"ydelse-1\"}");
    }

    private RecordMetadata decisionPending(String caseId, String expectedOutcome) {
        return records.send(Topics.CONTACT_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.DECISION_PENDING.type(), caseId, department), decisionData(expectedOutcome));
    }

    private RecordMetadata contact(String caseId, String direction, Instant at) {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.CONTACT_RECORDED.type(), caseId, department);
        headers.put("ce_time", at.toString());
        return records.send(Topics.CONTACT_EVENTS, caseId, headers, contactData(direction));
    }

    private RecordMetadata feedback(String caseId, String data) {
        return feedback(caseId, EventType.FEEDBACK_SUBMITTED, data);
    }

    private RecordMetadata feedback(String caseId, EventType type, String data) {
        return records.send(Topics.FEEDBACK_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                type.type(), caseId, department), data);
    }

    private RecordMetadata complaint(String caseId, String kind) {
        return feedback(caseId, EventType.COMPLAINT_FILED, "{\"complaintId\":\"" + UUID.randomUUID() + "\",\"kind\":\""
                + kind + "\",\"text\":\"Jeg klager\"}");
    }

    private static String decisionData(String expectedOutcome) {
        return "{\"expectedOutcome\":\"" + expectedOutcome + "\",\"dueAt\":\"2026-12-10T12:00:00Z\",\"caseworkerId\":\"sb-1042\"}";
    }

    private static String contactData(String direction) {
        return "{\"contactId\":\"" + UUID.randomUUID() + "\",\"channel\":\"phone\",\"direction\":\"" + direction
                + "\",\"note\":\"Borgeren ringede\"}";
    }

    /** What the platform makes of a party id at the door: 64 lower-case hex digits. */
    @Test
    void anotherDepartmentsCaseRiskIsAForbiddenProblem() {
        var answer = api.get("/api/v1/cases/" + caseId + "/risk?department=" + department,
                TestTokens.caseworker("cw-other", "other-" + department, "team-x"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCaseOfAnotherTeamIsHiddenFromACaseworkerButNotFromTheTeamOrTheManagerLikeItsTasks() {
        caseOpened(caseId, null, Instant.now());
        await().atMost(WAIT).untilAsserted(() -> risk(caseId));
        String path = "/api/v1/cases/" + caseId + "/risk?department=" + department;

        assertThat(api.get(path, TestTokens.caseworker("cw-b", department, "team-b")).status())
                .as("a caseworker of another team, as for the case's tasks").isEqualTo(404);
        assertThat(api.get(path, TestTokens.teamLead(department, "team-b")).status()).isEqualTo(404);
        assertThat(api.get(path, TestTokens.teamLead(department, "ydelse-1")).status()).isEqualTo(200);
        assertThat(api.get(path, TestTokens.manager(department)).status()).isEqualTo(200);
    }

    private static String partyRef() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private String caseworkerToken() {
        return TestTokens.caseworker("cw-risk", department, "ydelse-1");
    }

    private JsonNode risk(String caseId) {
        var answer = api.get("/api/v1/cases/" + caseId + "/risk?department=" + department, caseworkerToken());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> codes(JsonNode factors) {
        return factors.valueStream().map(factor -> factor.get("code").asString()).toList();
    }

    private List<ConsumerRecord<String, byte[]>> announcements(String caseId) {
        return announced.records(r -> caseId.equals(r.key())
                && EventType.RISK_ASSESSED.type().equals(RecordedTopic.header(r, "ce_type")));
    }

    /** This test's department's assessments at that level, as Prometheus scrapes them; 0 before the first. */
    private double assessments(String level) {
        String body = http.get("/actuator/prometheus").body();
        return body.lines().filter(line -> line.startsWith("servicepuls_risk_assessments_total{"))
                .filter(line -> line.contains("department=\"" + department + "\"") && line.contains("level=\"" + level + "\""))
                .peek(line -> assertThat(line).doesNotContain(caseId))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
