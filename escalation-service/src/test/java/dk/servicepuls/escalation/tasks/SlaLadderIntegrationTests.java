package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class SlaLadderIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SlaLadder ladder;

    @PerTest
    TaskScenario scenario;

    @Test
    void overdueTaskEscalatesToTheTeamLeadThenToTheDepartmentHead() {
        // soon enough that no other test's task is due before it, late enough that the running ladder leaves it alone
        scenario.rejectionPending(Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS));
        JsonNode task = scenario.theTask();
        String taskId = task.get("taskId").asString();
        Instant due = Instant.parse(task.get("dueAt").asString());
        Instant departmentHead = deadline(task, "escalation_department_head");
        assertThat(deadline(task, "escalation_team_lead")).isEqualTo(due);
        assertThat(departmentHead).isAfter(due);

        ladder.escalateOverdue(at(due.minusSeconds(1)));
        assertThat(scenario.task(taskId).get("status").asString()).as("not overdue yet").isEqualTo("open");

        ladder.escalateOverdue(at(due.plusSeconds(60)));
        JsonNode teamLead = JSON.readTree(RecordedTopic.value(scenario.theAnnouncement(EventType.TASK_ESCALATED)));
        assertThat(new EventSchemas().validate(EventType.TASK_ESCALATED, teamLead)).isEmpty();
        assertThat(teamLead.get("escalatedTo").asString()).isEqualTo("team_lead");
        assertThat(teamLead.get("reason").asString()).isEqualTo("not_claimed_in_time");
        JsonNode escalated = scenario.task(taskId);
        assertThat(escalated.get("status").asString()).isEqualTo("escalated");
        assertThat(escalated.get("escalatedTo").asString()).isEqualTo("team_lead");

        ladder.escalateOverdue(at(due.plusSeconds(120)));
        ladder.escalateOverdue(at(departmentHead.plusSeconds(60)));

        await().atMost(TaskScenario.WAIT).untilAsserted(() ->
                assertThat(scenario.announced(EventType.TASK_ESCALATED)).hasSize(2));
        JsonNode head = JSON.readTree(RecordedTopic.value(scenario.announced(EventType.TASK_ESCALATED).get(1)));
        assertThat(new EventSchemas().validate(EventType.TASK_ESCALATED, head)).isEmpty();
        assertThat(head.get("escalatedTo").asString()).isEqualTo("department_head");
        assertThat(scenario.task(taskId).get("escalatedTo").asString()).isEqualTo("department_head");

        ladder.escalateOverdue(at(departmentHead.plus(Duration.ofDays(30))));
        assertThat(scenario.task(taskId).get("history").valueStream().map(step -> step.get("event").asString()))
                .as("the top rung is the last").containsExactly("created", "escalated", "escalated");
    }

    @Test
    void completedTaskNeverEscalates() {
        scenario.rejectionPending(Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS));
        JsonNode task = scenario.theTask();
        String taskId = task.get("taskId").asString();
        scenario.claim(taskId, "cw-1");
        scenario.complete(taskId, "{\"caseworkerId\":\"cw-1\",\"outcome\":\"reached_resolved\",\"note\":\"Done\"}");

        ladder.escalateOverdue(at(Instant.parse(task.get("dueAt").asString()).plus(Duration.ofDays(30))));

        assertThat(scenario.task(taskId).get("status").asString()).isEqualTo("completed");
        scenario.theAnnouncement(EventType.TASK_COMPLETED);
        assertThat(scenario.announced(EventType.TASK_ESCALATED)).isEmpty();
    }

    private static Instant deadline(JsonNode task, String kind) {
        return task.get("deadlines").valueStream().filter(deadline -> deadline.get("kind").asString().equals(kind))
                .map(deadline -> Instant.parse(deadline.get("at").asString())).findFirst().orElseThrow();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
