package dk.servicepuls.escalation.tasks;

import dk.servicepuls.testing.BinaryRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
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
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class ProactiveCallTaskIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Far enough ahead that the running SLA ladder never finds these tasks overdue. */
    private static final Instant DECISION_DUE = Instant.parse("2036-12-11T12:00:00Z");
    /** Two working days before that Thursday. */
    private static final Instant CALL_DUE = Instant.parse("2036-12-09T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

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
    void expectedRejectionPutsACallInTheInboxDueTwoWorkingDaysBeforeTheDecision() {
        Instant decisionDue = DECISION_DUE;

        decisionPending(caseId, department, "rejected", decisionDue);

        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(department)).hasSize(1));
        JsonNode task = inbox(department).get(0);
        assertThat(task.get("taskId").asString()).isNotBlank();
        assertThat(task.get("department").asString()).isEqualTo(department);
        assertThat(task.get("caseId").asString()).isEqualTo(caseId);
        assertThat(task.get("trigger").asString()).isEqualTo("decision_pending");
        assertThat(task.get("status").asString()).isEqualTo("open");
        assertThat(task.get("caseworkerId").asString()).isEqualTo("sb-1042");
        assertThat(Instant.parse(task.get("decisionDueAt").asString())).isEqualTo(decisionDue);
        assertThat(Instant.parse(task.get("dueAt").asString())).isEqualTo(CALL_DUE);
        assertThat(Instant.parse(task.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void expectedPartialApprovalAlsoPutsACallInTheInbox() {
        decisionPending(caseId, department, "partially_approved", DECISION_DUE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(department)).hasSize(1));
        assertThat(inbox(department).get(0).get("caseId").asString()).isEqualTo(caseId);
    }

    @Test
    void newTaskIsAnnouncedOnEscalationEventsInBinaryModeKeyedByCaseId() {
        Instant decisionDue = DECISION_DUE;
        decisionPending(caseId, department, "rejected", decisionDue);

        await().atMost(WAIT).untilAsserted(() -> assertThat(announcements()).hasSize(1));
        ConsumerRecord<String, byte[]> record = announcements().get(0);
        assertThat(RecordedTopic.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(RecordedTopic.header(record, "ce_type")).isEqualTo("dk.servicepuls.task.created.v1");
        assertThat(RecordedTopic.header(record, "ce_source")).isEqualTo("/servicepuls/escalation-service");
        assertThat(RecordedTopic.header(record, "ce_id")).isNotBlank();
        assertThat(RecordedTopic.header(record, "ce_time")).isNotBlank();
        assertThat(RecordedTopic.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(RecordedTopic.header(record, "ce_department")).isEqualTo(department);
        assertThat(RecordedTopic.header(record, "content-type")).isEqualTo("application/json");
        JsonNode data = JSON.readTree(RecordedTopic.value(record));
        assertThat(new EventSchemas().validate(EventType.TASK_CREATED, data)).isEmpty();
        assertThat(data.get("taskId").asString()).isEqualTo(inbox(department).get(0).get("taskId").asString());
        assertThat(data.get("trigger").asString()).isEqualTo("decision_pending");
        assertThat(Instant.parse(data.get("decisionDueAt").asString())).isEqualTo(decisionDue);
        assertThat(Instant.parse(data.get("dueAt").asString())).isEqualTo(CALL_DUE);
        // the task carries the case's risk as the risk model scored it: an expected rejection alone is 40, medium
        assertThat(data.get("reasons").get(0).asString()).isEqualTo("unfavourable_decision_pending");
        assertThat(data.get("riskScore").asInt()).isEqualTo(40);
        assertThat(data.get("riskLevel").asString()).isEqualTo("medium");
    }

    @Test
    void expectedApprovalPutsNoCallInTheInbox() {
        RecordMetadata sent = decisionPending(caseId, department, "approved", DECISION_DUE);

        await().atMost(WAIT).until(() -> records.consumed(sent));
        assertThat(inbox(department)).isEmpty();
        assertThat(decisions("below_threshold")).isEqualTo(1);
        assertThat(decisions("created")).isZero();
    }

    @Test
    void expectedApprovalOnACaseAtRiskForOtherReasonsStillGetsACall() {
        records.send(Topics.FEEDBACK_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.COMPLAINT_FILED.type(), caseId, department),
                "{\"complaintId\":\"k-1\",\"kind\":\"service_complaint\",\"text\":\"Ingen ringede tilbage\"}");
        decisionPending(caseId, department, "approved", DECISION_DUE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(department)).hasSize(1));
        JsonNode task = inbox(department).get(0);
        assertThat(task.get("trigger").asString()).isEqualTo("decision_pending");
        assertThat(task.get("riskScore").asInt()).isGreaterThanOrEqualTo(25);
        assertThat(task.get("reasons").valueStream().map(JsonNode::asString)).containsExactly("formal_complaint");
    }

    @Test
    void complaintIntentPutsACallInTheInboxAtOnceDueWithinAWorkingDay() {
        Instant before = Instant.now();
        records.send(Topics.FEEDBACK_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.FEEDBACK_ANALYZED.type(), caseId, department), """
                {"feedbackId":"f-1","language":"da","sentiment":"negative","sentimentScore":-0.8,"complaintIntent":true,
                 "signals":["klage"],"topics":["sagsbehandlingstid"]}""");

        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(department)).hasSize(1));
        JsonNode task = inbox(department).get(0);
        assertThat(task.get("trigger").asString()).isEqualTo("complaint_intent");
        assertThat(task.get("reasons").valueStream().map(JsonNode::asString)).contains("complaint_intent");
        // one working day: at most four calendar days later even across a weekend with a holiday
        assertThat(Instant.parse(task.get("dueAt").asString())).isAfter(before).isBefore(before.plus(Duration.ofDays(5)));
        assertThat(task.has("decisionDueAt")).isFalse();
    }

    @Test
    void redeliveredDecisionMakesOneTaskAnnouncedOnce() {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.DECISION_PENDING.type(), caseId, department);
        String data = decisionData("rejected", DECISION_DUE);

        records.send(Topics.CONTACT_EVENTS, caseId, headers, data);
        RecordMetadata again = records.send(Topics.CONTACT_EVENTS, caseId, headers, data);

        await().atMost(WAIT).until(() -> records.consumed(again));
        assertThat(inbox(department)).hasSize(1);
        assertThat(decisions("created")).isEqualTo(1);
        // the repeat is not counted as a decision of its own, whatever it would have decided
        assertThat(decisions("redelivery") + decisions("case_has_open_task")).as("the repeat counted again").isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(announcements()).isNotEmpty());
        assertThat(announcements()).hasSize(1);
    }

    @Test
    void secondUnfavourableDecisionOnACaseWithAnOpenTaskMakesNoSecondTask() {
        Instant firstDue = DECISION_DUE;
        decisionPending(caseId, department, "rejected", firstDue);
        RecordMetadata second = decisionPending(caseId, department, "partially_approved", firstDue.plus(Duration.ofDays(7)));

        await().atMost(WAIT).until(() -> records.consumed(second));
        assertThat(inbox(department)).hasSize(1);
        assertThat(Instant.parse(inbox(department).get(0).get("decisionDueAt").asString())).isEqualTo(firstDue);
        assertThat(decisions("case_has_open_task")).isEqualTo(1);
    }

    @Test
    void inboxListsOnlyTheDepartmentsTasksMostUrgentFirst() {
        String laterCase = caseId + "-later";
        String soonerCase = caseId + "-sooner";
        String otherDepartment = department + "-other";
        decisionPending(laterCase, department, "rejected", Instant.parse("2036-12-18T12:00:00Z"));
        decisionPending(soonerCase, department, "rejected", Instant.parse("2036-12-05T12:00:00Z"));
        decisionPending(caseId, otherDepartment, "rejected", Instant.parse("2036-12-01T12:00:00Z"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(department)).hasSize(2));
        assertThat(inbox(department).valueStream().map(task -> task.get("caseId").asString()))
                .containsExactly(soonerCase, laterCase);
        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(otherDepartment).valueStream()
                .map(task -> task.get("caseId").asString())).containsExactly(caseId));
    }

    @Test
    void taskListWithoutDepartmentIsABadRequestProblem() {
        var answer = api.get("/api/v1/tasks", TestTokens.caseworker("sb-1042", department, "ydelse-1"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void recordThatIsNoCloudEventIsParkedOnTheDeadLetterTopic() {
        String marker = "{\"broken\":\"" + UUID.randomUUID() + "\"}";
        try (var deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter("escalation-service"))) {
            records.send(Topics.CONTACT_EVENTS, caseId, Map.of("content-type", "application/json"), marker);

            await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters.records(r -> marker.equals(RecordedTopic.value(r))))
                    .hasSize(1));
        }
        assertThat(inbox(department)).isEmpty();
    }

    private RecordMetadata decisionPending(String caseId, String department, String expectedOutcome, Instant dueAt) {
        return records.send(Topics.CONTACT_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                EventType.DECISION_PENDING.type(), caseId, department), decisionData(expectedOutcome, dueAt));
    }

    private static String decisionData(String expectedOutcome, Instant dueAt) {
        return "{\"expectedOutcome\":\"" + expectedOutcome + "\",\"dueAt\":\"" + dueAt + "\",\"caseworkerId\":\"sb-1042\"}";
    }

    private JsonNode inbox(String department) {
        var answer = api.get("/api/v1/tasks?department=" + department, TestTokens.caseworker("sb-1042", department, "ydelse-1"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("tasks");
    }

    /** This test's department's decisions with that outcome, as Prometheus scrapes them; 0 before the first. */
    private double decisions(String outcome) {
        String body = http.get("/actuator/prometheus").body();
        return body.lines().filter(line -> line.startsWith("servicepuls_tasks_decisions_total{"))
                .filter(line -> line.contains("department=\"" + department + "\"") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The case's task.created records; the case's risk.assessed share the topic and the key. */
    private List<ConsumerRecord<String, byte[]>> announcements() {
        return announced.records(r -> caseId.equals(r.key())
                && EventType.TASK_CREATED.type().equals(RecordedTopic.header(r, "ce_type")));
    }
}
