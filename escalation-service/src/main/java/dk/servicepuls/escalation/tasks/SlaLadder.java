package dk.servicepuls.escalation.tasks;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SLA ladder: every interval it moves overdue tasks one rung up, to the team lead and later to the department
 * head, each step announced as task.escalated. One rung per task per round, so a service that was down for days
 * still climbs the ladder step by step and announces each step. Several instances may run the ladder at once: each
 * step is guarded by the task's version, so one of them moves the task and the others find nothing left to do.
 */
@Component
class SlaLadder {

    private static final Logger log = LoggerFactory.getLogger(SlaLadder.class);
    private static final int BATCH = 500;

    private final TaskStore store;
    private final TaskLifecycle lifecycle;
    private final Clock clock;

    SlaLadder(TaskStore store, TaskLifecycle lifecycle, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    void run() {
        try {
            escalateOverdue(clock);
        }
        catch (RuntimeException e) {
            // the next round tries again; a failed round must not stop the schedule
            log.warn("SLA ladder round failed: {}", e.getMessage());
        }
    }

    /** One round at the clock's time; returns how many tasks it looked at. */
    int escalateOverdue(Clock at) {
        Instant now = at.instant();
        int looked = 0;
        for (Task task : store.dueForEscalation(now, BATCH)) {
            lifecycle.escalate(task.taskId(), now);
            looked++;
        }
        return looked;
    }
}
