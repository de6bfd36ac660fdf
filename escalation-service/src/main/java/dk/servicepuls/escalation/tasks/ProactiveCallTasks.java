package dk.servicepuls.escalation.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.escalation.tasks.CaseFile.CaseInfo;
import dk.servicepuls.escalation.tasks.TaskTransitions.Announcement;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Decides when a case needs a proactive call: before a decision that is expected to go against the citizen, unless
 * the case already has an open task (one call covers the case, however many decisions are pending) or falls in the
 * holdout control group. Counts each decision's outcome per department in {@code servicepuls.tasks.decisions}.
 */
@Component
class ProactiveCallTasks {

    enum Outcome {
        CREATED, NOT_UNFAVOURABLE, REDELIVERY, CASE_HAS_OPEN_TASK, HOLDOUT, CASE_IN_CONTROL_GROUP
    }

    private final TaskStore store;
    private final CaseFile cases;
    private final Holdout holdout;
    private final ControlCases controls;
    private final SlaPolicy sla;
    private final Clock clock;
    private final MeterRegistry meters;

    ProactiveCallTasks(TaskStore store, CaseFile cases, Holdout holdout, ControlCases controls, SlaPolicy sla,
            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.cases = cases;
        this.holdout = holdout;
        this.controls = controls;
        this.sla = sla;
        this.clock = clock;
        this.meters = meters;
    }

    Outcome on(PendingDecision pending) {
        cases.note(pending.department(), pending.caseId(), null, pending.decision().caseworkerId());
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
        // the store keeps milliseconds; truncating here keeps the stored task and its announcement identical
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (holdout.isControl(pending.department(), pending.caseId())) {
            // counted once per case, so the metric says how many cases went without a call
            return controls.record(pending.department(), pending.caseId(), List.of(unfavourable.reason), now)
                    ? Outcome.HOLDOUT : Outcome.CASE_IN_CONTROL_GROUP;
        }
        Instant decisionDueAt = pending.decision().dueAt();
        Instant dueAt = sla.dueBeforeDecision(decisionDueAt);
        CaseInfo known = cases.of(pending.department(), pending.caseId());
        // the deciding caseworker knows the case best; without one the task waits in the team's queue
        String assignee = pending.decision().caseworkerId() != null ? pending.decision().caseworkerId() : known.caseworkerId();
        Task task = new Task(taskId(pending), pending.department(), pending.caseId(), TaskCreated.Trigger.DECISION_PENDING, now)
                .schedule(dueAt, decisionDueAt, sla.departmentHeadEscalationAt(dueAt))
                .risk(unfavourable.riskScore, unfavourable.riskLevel, List.of(unfavourable.reason))
                .assign(assignee, known.team())
                .record(now, "created", Task.Status.OPEN, pending.eventSource(), unfavourable.reason);
        TaskCreated announcement = new TaskCreated(task.taskId(), task.trigger(), task.dueAt(), decisionDueAt,
                assignee, known.team(), unfavourable.riskScore, unfavourable.riskLevel, task.reasons());
        return store.insert(task, new Announcement(EventType.TASK_CREATED, "task-created-" + task.taskId(), announcement));
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
