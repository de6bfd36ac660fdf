package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class CaseEventsMoveTasksIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DECISION_DUE = Instant.parse("2036-12-11T12:00:00Z");

    @PerTest
    TaskScenario scenario;

    @Test
    void decisionMadeBeforeTheCallExpiresTheTaskAndAnnouncesTaskExpired() {
        scenario.rejectionPending(DECISION_DUE);
        String taskId = scenario.theTask().get("taskId").asString();

        scenario.send(EventType.DECISION_MADE, "{\"outcome\":\"rejected\"}");

        JsonNode data = JSON.readTree(RecordedTopic.value(scenario.theAnnouncement(EventType.TASK_EXPIRED)));
        assertThat(new EventSchemas().validate(EventType.TASK_EXPIRED, data)).isEmpty();
        assertThat(data.get("taskId").asString()).isEqualTo(taskId);
        assertThat(data.get("reason").asString()).isEqualTo("decision_made");
        JsonNode task = scenario.task(taskId);
        assertThat(task.get("status").asString()).isEqualTo("expired");
        assertThat(task.get("deadlines")).isEmpty();
        assertThat(task.get("history").get(1).get("actor").asString()).isEqualTo("/test/esdh");
    }

    @Test
    void redeliveredDecisionMadeLeavesTheCasesNextTaskAlone() {
        scenario.rejectionPending(DECISION_DUE);
        scenario.theTask();
        Map<String, String> made = BinaryRecords.headers(UUID.randomUUID().toString(), EventType.DECISION_MADE.type(),
                scenario.caseId, scenario.department);
        scenario.records.send(Topics.CONTACT_EVENTS, scenario.caseId, made, "{\"outcome\":\"rejected\"}");
        scenario.theAnnouncement(EventType.TASK_EXPIRED);
        scenario.rejectionPending(DECISION_DUE.plusSeconds(7 * 86_400));
        await().atMost(TaskScenario.WAIT).untilAsserted(() -> assertThat(activeTasks()).hasSize(1));

        RecordMetadata again = scenario.records.send(Topics.CONTACT_EVENTS, scenario.caseId, made,
                "{\"outcome\":\"rejected\"}");

        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(again));
        assertThat(activeTasks()).hasSize(1);
        assertThat(scenario.announced(EventType.TASK_EXPIRED)).hasSize(1);
    }

    @Test
    void caseClosedCancelsTheTaskAndFreesTheCaseForANewOne() {
        scenario.rejectionPending(DECISION_DUE);
        String taskId = scenario.theTask().get("taskId").asString();

        RecordMetadata closed = scenario.send(EventType.CASE_CLOSED, "{}");

        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(closed));
        JsonNode task = scenario.task(taskId);
        assertThat(task.get("status").asString()).isEqualTo("cancelled");
        assertThat(task.get("deadlines")).as("the clock stopped").isEmpty();
        assertThat(task.get("history").get(1).get("detail").asString()).isEqualTo("case_closed");
        JsonNode cancelled = JSON.readTree(RecordedTopic.value(scenario.theAnnouncement(EventType.TASK_CANCELLED)));
        assertThat(new EventSchemas().validate(EventType.TASK_CANCELLED, cancelled)).isEmpty();
        assertThat(cancelled.get("taskId").asString()).isEqualTo(taskId);
        assertThat(cancelled.get("reason").asString()).isEqualTo("case_closed");
        assertThat(scenario.announced(EventType.TASK_EXPIRED)).as("closed, not expired").isEmpty();

        scenario.rejectionPending(DECISION_DUE.plusSeconds(86_400));

        await().atMost(TaskScenario.WAIT).untilAsserted(() -> assertThat(activeTasks()).hasSize(1));
        assertThat(activeTasks().get(0).get("taskId").asString()).isNotEqualTo(taskId);
        await().atMost(TaskScenario.WAIT).untilAsserted(() ->
                assertThat(scenario.announced(EventType.TASK_CREATED)).hasSize(2));
    }

    @Test
    void handOffMovesTheTaskWithItsHistoryToTheNewTeam() {
        scenario.send(EventType.CASE_OPENED, "{\"caseType\":\"byggesag\",\"team\":\"team-a\"}");
        RecordMetadata pending = scenario.send(EventType.DECISION_PENDING,
                "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"" + DECISION_DUE + "\"}");
        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(pending));
        JsonNode created = scenario.theTask();
        assertThat(created.get("team").asString()).isEqualTo("team-a");
        assertThat(created.has("caseworkerId")).as("no caseworker known: the team's queue").isFalse();
        String taskId = created.get("taskId").asString();
        assertThat(scenario.claim(taskId, "cw-1", "ydelse-1").status()).as("another team's queue is not visible").isEqualTo(404);
        assertThat(scenario.claim(taskId, "cw-1", "team-a").status()).isEqualTo(200);

        RecordMetadata transferred = scenario.send(EventType.CASE_TRANSFERRED,
                "{\"toTeam\":\"team-b\",\"reason\":\"specialist\"}");

        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(transferred));
        JsonNode task = scenario.task(taskId);
        assertThat(task.get("team").asString()).isEqualTo("team-b");
        assertThat(task.get("status").asString()).isEqualTo("claimed");
        assertThat(task.get("caseworkerId").asString()).isEqualTo("cw-1");
        assertThat(task.get("dueAt").asString()).isEqualTo(created.get("dueAt").asString());
        assertThat(task.get("history").valueStream().map(step -> step.get("event").asString()))
                .containsExactly("created", "claimed", "transferred");
    }

    @Test
    void handOffToAnotherDepartmentMovesTheTaskToThatDepartmentsTeamQueue() {
        String otherDepartment = scenario.department + "-b";
        scenario.rejectionPending(DECISION_DUE);
        String taskId = scenario.theTask().get("taskId").asString();

        scenario.send(EventType.CASE_TRANSFERRED, "{\"toTeam\":\"team-x\",\"toDepartment\":\"" + otherDepartment + "\"}");

        await().atMost(TaskScenario.WAIT).untilAsserted(() -> assertThat(scenario.inbox(otherDepartment)).hasSize(1));
        assertThat(scenario.inbox(scenario.department)).isEmpty();
        assertThat(scenario.get("/api/v1/tasks/" + taskId).status()).as("the old department no longer sees it").isEqualTo(404);
        JsonNode task = scenario.task(taskId, otherDepartment);
        assertThat(task.get("department").asString()).isEqualTo(otherDepartment);
        assertThat(task.get("team").asString()).isEqualTo("team-x");
        assertThat(task.has("caseworkerId")).isFalse();
        assertThat(task.get("status").asString()).isEqualTo("open");
    }

    @Test
    void redeliveredHandOffDoesNotMoveTheTaskBack() {
        scenario.rejectionPending(DECISION_DUE);
        String taskId = scenario.theTask().get("taskId").asString();
        Map<String, String> toB = BinaryRecords.headers(UUID.randomUUID().toString(), EventType.CASE_TRANSFERRED.type(),
                scenario.caseId, scenario.department);
        scenario.records.send(Topics.CONTACT_EVENTS, scenario.caseId, toB, "{\"toTeam\":\"team-b\"}");
        scenario.send(EventType.CASE_TRANSFERRED, "{\"toTeam\":\"team-c\"}");
        await().atMost(TaskScenario.WAIT).untilAsserted(() -> {
            // no team until the first hand-off lands: that must fail the assertion (and be retried), not throw
            JsonNode team = scenario.task(taskId).get("team");
            assertThat(team).as("team after the hand-offs").isNotNull();
            assertThat(team.asString()).isEqualTo("team-c");
        });

        RecordMetadata again = scenario.records.send(Topics.CONTACT_EVENTS, scenario.caseId, toB, "{\"toTeam\":\"team-b\"}");

        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(again));
        JsonNode task = scenario.task(taskId);
        assertThat(task.get("team").asString()).isEqualTo("team-c");
        assertThat(task.get("history").valueStream().map(step -> step.get("event").asString()))
                .containsExactly("created", "transferred", "transferred");
    }

    private java.util.List<JsonNode> activeTasks() {
        return scenario.inbox(scenario.department).valueStream()
                .filter(task -> task.get("status").asString().equals("open")).toList();
    }
}
