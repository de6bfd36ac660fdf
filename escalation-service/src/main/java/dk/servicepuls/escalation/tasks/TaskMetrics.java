package dk.servicepuls.escalation.tasks;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What the steps of a task tell management. Labels are department, status and outcome only: bounded, and never a
 * case or a caseworker. The SLA met ratio is {@code servicepuls_tasks_sla_total{result="met"}} over all results.
 */
@Component
class TaskMetrics {

    private final MeterRegistry meters;

    TaskMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void stepped(Task after) {
        meters.counter("servicepuls.tasks.transitions", "department", after.department(), "status", after.status().code())
                .increment();
    }

    void claimed(Task after) {
        timer("servicepuls.tasks.time.to.claim", "From creation to claim", after, null)
                .record(Duration.between(after.createdAt(), after.claimedAt()));
    }

    void completed(Task after) {
        String outcome = TaskTransitions.code(after.outcome());
        timer("servicepuls.tasks.time.to.completion", "From creation to completion", after, outcome)
                .record(Duration.between(after.createdAt(), after.closedAt()));
        // met when the call was completed by the due time; a call after it still counts, as missed
        boolean met = !after.closedAt().isAfter(after.dueAt());
        meters.counter("servicepuls.tasks.sla", "department", after.department(), "result", met ? "met" : "missed")
                .increment();
    }

    private Timer timer(String name, String description, Task task, String outcome) {
        Timer.Builder builder = Timer.builder(name).description(description).tag("department", task.department());
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        return builder.register(meters);
    }
}
