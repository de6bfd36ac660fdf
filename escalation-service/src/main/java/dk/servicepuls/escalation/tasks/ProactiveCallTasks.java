package dk.servicepuls.escalation.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.contracts.events.TaskCreated;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Decides when a case needs a proactive call: before a decision that is expected to go against the citizen, unless
 * the case already has an open task (one call covers the case, however many decisions are pending). Counts each
 * decision's outcome per department in {@code servicepuls.tasks.decisions}.
 */
@Component
class ProactiveCallTasks {

    enum Outcome {
        CREATED, NOT_UNFAVOURABLE, REDELIVERY, CASE_HAS_OPEN_TASK
    }

    private final TaskStore store;
    private final TasksProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ProactiveCallTasks(TaskStore store, TasksProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    Outcome on(PendingDecision pending) {
        Outcome outcome = decide(pending);
        // department and outcome only: a case id in a label would be personal data and unbounded
        meters.counter("servicepuls.tasks.decisions", "department", pending.department(),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    private Outcome decide(PendingDecision pending) {
        Unfavourable unfavourable = Unfavourable.of(pending.decision().expectedOutcome());
        if (unfavourable == null) {
            return Outcome.NOT_UNFAVOURABLE;
        }
        Instant decisionDueAt = pending.decision().dueAt();
        String caseworkerId = pending.decision().caseworkerId();
        // the store keeps milliseconds; truncating here keeps the stored task and its announcement identical
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Task task = new Task(taskId(pending), pending.department(), pending.caseId(), TaskCreated.Trigger.DECISION_PENDING,
                now, decisionDueAt.minus(properties.leadTime()), decisionDueAt, caseworkerId, Task.Status.OPEN);
        TaskCreated announcement = new TaskCreated(task.taskId(), task.trigger(), task.dueAt(), decisionDueAt,
                caseworkerId, null, unfavourable.riskScore, unfavourable.riskLevel, List.of(unfavourable.reason));
        return store.insert(task, announcement);
    }

    /**
     * Derived from the triggering event's identity, so that a redelivered event yields the same id and the store's
     * primary key turns it away. A space cannot occur in a source (a URI-reference), so the pair stays unambiguous.
     */
    static String taskId(PendingDecision pending) {
        return UUID.nameUUIDFromBytes((pending.eventSource() + " " + pending.eventId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Until the risk feature scores cases, the expected outcome alone stands for the risk behind a task; the contract
     * requires a score, a band and the reasons on every task.created.
     */
    private enum Unfavourable {
        REJECTION("rejection_expected", 80, RiskLevel.HIGH),
        PARTIAL_APPROVAL("partial_approval_expected", 60, RiskLevel.MEDIUM);

        private final String reason;
        private final int riskScore;
        private final RiskLevel riskLevel;

        Unfavourable(String reason, int riskScore, RiskLevel riskLevel) {
            this.reason = reason;
            this.riskScore = riskScore;
            this.riskLevel = riskLevel;
        }

        static Unfavourable of(ExpectedOutcome expected) {
            if (expected == ExpectedOutcome.REJECTED) {
                return REJECTION;
            }
            if (expected == ExpectedOutcome.PARTIALLY_APPROVED) {
                return PARTIAL_APPROVAL;
            }
            return null;
        }
    }
}
