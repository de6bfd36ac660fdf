package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceIntegrationTest
class TaskMetricsIntegrationTests {

    @Autowired
    OpenTaskGauges gauges;

    @PerTest
    TaskScenario onTime;

    @PerTest
    TaskScenario late;

    @Test
    void openAndOverdueTasksAreGaugedPerDepartment() {
        onTime.rejectionPending(Instant.parse("2036-12-11T12:00:00Z"));
        onTime.theTask();
        // a decision an hour away: the call was due two working days ago
        late.rejectionPending(Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        late.theTask();

        gauges.refresh(Instant.now());

        String scrape = scrape();
        assertThat(value(scrape, "servicepuls_tasks_open{", onTime.department)).isEqualTo(1);
        assertThat(value(scrape, "servicepuls_tasks_overdue{", onTime.department)).isZero();
        assertThat(value(scrape, "servicepuls_tasks_open{", late.department)).isEqualTo(1);
        assertThat(value(scrape, "servicepuls_tasks_overdue{", late.department)).isEqualTo(1);
        assertThat(scrape).as("no case id in a label").doesNotContain(onTime.caseId).doesNotContain(late.caseId);
    }

    @Test
    void completionsFeedTheSlaRatioAndTheTimers() {
        String onTimeTask = onTime.rejectionPendingTask(Instant.parse("2036-12-11T12:00:00Z"));
        String lateTask = late.rejectionPendingTask(Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        for (TaskScenario scenario : new TaskScenario[] { onTime, late }) {
            String taskId = scenario == onTime ? onTimeTask : lateTask;
            scenario.claim(taskId, "cw-1");
            scenario.complete(taskId, "{\"caseworkerId\":\"cw-1\",\"outcome\":\"reached_resolved\",\"note\":\"Talked\"}");
        }

        String scrape = scrape();
        assertThat(value(scrape, "servicepuls_tasks_sla_total{", onTime.department, "result=\"met\"")).isEqualTo(1);
        assertThat(value(scrape, "servicepuls_tasks_sla_total{", late.department, "result=\"missed\"")).isEqualTo(1);
        assertThat(value(scrape, "servicepuls_tasks_time_to_claim_seconds_count{", onTime.department)).isEqualTo(1);
        assertThat(value(scrape, "servicepuls_tasks_time_to_completion_seconds_count{", onTime.department,
                "outcome=\"reached_resolved\"")).isEqualTo(1);
        assertThat(scrape).doesNotContain("cw-1");
    }

    private String scrape() {
        return onTime.get("/actuator/prometheus").body();
    }

    private static double value(String scrape, String series, String department, String... labels) {
        return scrape.lines().filter(line -> line.startsWith(series))
                .filter(line -> line.contains("department=\"" + department + "\""))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
