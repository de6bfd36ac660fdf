package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.ApiCalls;
import dk.servicepuls.testing.TestTokens;
import dk.servicepuls.testing.HttpCalls;
import tools.jackson.databind.json.JsonMapper;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.JsonNode;

/**
 * One test's case in its own department: sends the case system's events on contact.events, calls the inbox API and
 * reads what escalation-service announced about the case.
 */
final class TaskScenario implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TEAM = "ydelse-1";

    final ApiCalls api;
    final BinaryRecords records;
    final RecordedTopic announced;
    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    final String caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);

    /** Made for each test by {@code @PerTest}. */
    TaskScenario(ServiceUnderTest service) {
        api = new ApiCalls(service.port());
        records = new BinaryRecords(service.brokers(), "escalation-service");
        announced = new RecordedTopic(service.brokers(), Topics.ESCALATION_EVENTS);
    }

    RecordMetadata send(EventType type, String department, String data) {
        return records.send(Topics.CONTACT_EVENTS, caseId,
                BinaryRecords.headers(UUID.randomUUID().toString(), type.type(), caseId, department), data);
    }

    RecordMetadata send(EventType type, String data) {
        return send(type, department, data);
    }

    RecordMetadata rejectionPending(Instant decisionDueAt) {
        return send(EventType.DECISION_PENDING, "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"" + decisionDueAt
                + "\",\"caseworkerId\":\"sb-1042\"}");
    }

    /** Sends an expected rejection and returns the id of the task it creates. */
    String rejectionPendingTask(Instant decisionDueAt) {
        rejectionPending(decisionDueAt);
        return theTask().get("taskId").asString();
    }

    /** Waits until the case has exactly one task in the department's inbox and returns it. */
    JsonNode theTask() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(department)).hasSize(1));
        return inbox(department).get(0);
    }

    /** GET on the inbox API as the department's manager, who sees every team's tasks. */
    HttpCalls.Answer get(String path, String department) {
        return api.get(path, TestTokens.manager(department));
    }

    HttpCalls.Answer get(String path) {
        return get(path, department);
    }

    JsonNode inbox(String department) {
        HttpCalls.Answer answer = get("/api/v1/tasks?department=" + department, department);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("tasks");
    }

    JsonNode task(String taskId) {
        return task(taskId, department);
    }

    /** The task as the department's manager sees it; only that department's callers see it at all. */
    JsonNode task(String taskId, String department) {
        HttpCalls.Answer answer = get("/api/v1/tasks/" + taskId, department);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Claims as the caseworker (of the default team): the token says who acts. */
    HttpCalls.Answer claim(String taskId, String caseworkerId) {
        return claim(taskId, caseworkerId, TEAM);
    }

    HttpCalls.Answer claim(String taskId, String caseworkerId, String team) {
        return api.post("/api/v1/tasks/" + taskId + "/claim", TestTokens.caseworker(caseworkerId, department, team),
                "application/json", "{\"caseworkerId\":\"" + caseworkerId + "\"}");
    }

    /** Completes as the caseworker the body names (a token without a caseworker id when it names none). */
    HttpCalls.Answer complete(String taskId, String body) {
        JsonNode named = JSON.readTree(body).get("caseworkerId");
        String token = named == null || !named.isString() ? TestTokens.manager(department) : caseworker(named.asString());
        return api.post("/api/v1/tasks/" + taskId + "/complete", token, "application/json", body);
    }

    String caseworker(String caseworkerId) {
        return TestTokens.caseworker(caseworkerId, department, TEAM);
    }

    /** The case's announcements of one type so far, in the order they were published. */
    List<ConsumerRecord<String, byte[]>> announced(EventType type) {
        return announced.records(r -> caseId.equals(r.key()) && type.type().equals(RecordedTopic.header(r, "ce_type")));
    }

    /** Waits for exactly one announcement of the type and returns it. */
    ConsumerRecord<String, byte[]> theAnnouncement(EventType type) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(announced(type)).hasSize(1));
        return announced(type).get(0);
    }

    @Override
    public void close() {
        announced.close();
        records.close();
    }
}
