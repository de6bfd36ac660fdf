package dk.servicepuls.escalation.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.RiskAssessed;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.escalation.risk.CaseRiskAssessed;
import dk.servicepuls.escalation.tasks.CaseFile.CaseInfo;
import dk.servicepuls.escalation.tasks.TaskTransitions.Announcement;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Decides when a case needs a proactive call, from each risk assessment of the case: when its score reaches the
 * threshold while a decision is pending (call before the decision goes out), or at once when complaint intent
 * appears. One open task per case; one call per pending decision (a decision is known by its due date) and one for
 * complaint intent, however often the case is reassessed. Counts each decision per department in
 * {@code servicepuls.tasks.decisions}.
 */
@Component
class ProactiveCallTasks {

    enum Outcome {
        CREATED, BELOW_THRESHOLD, REDELIVERY, CASE_HAS_OPEN_TASK, HOLDOUT, CASE_IN_CONTROL_GROUP
    }

    private final TaskLifecycle lifecycle;
    private final CaseFile cases;
    private final Holdout holdout;
    private final ControlCases controls;
    private final SlaPolicy sla;
    private final TaskStore store;
    private final TasksProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ProactiveCallTasks(TaskLifecycle lifecycle, CaseFile cases, Holdout holdout, ControlCases controls, SlaPolicy sla,
            TaskStore store, TasksProperties properties, Clock clock, MeterRegistry meters) {
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.holdout = holdout;
        this.controls = controls;
        this.sla = sla;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return empty when the assessment gives no reason for a call at all (nothing pending, no complaint intent) */
    Optional<Outcome> on(CaseRiskAssessed assessed) {
        TaskCreated.Trigger trigger = trigger(assessed);
        if (trigger == null) {
            return Optional.empty();
        }
        Outcome outcome = assessed.complaintIntent() || assessed.score() >= properties.riskThreshold()
                ? create(assessed, trigger) : Outcome.BELOW_THRESHOLD;
        if (assessed.redelivered() && outcome != Outcome.CREATED) {
            // counted when the event first came; only a task its first time failed to create counts now
            return Optional.of(outcome);
        }
        // department and outcome only: a case id in a label would be personal data and unbounded
        Runnable count = () -> meters.counter("servicepuls.tasks.decisions", "department", assessed.department(),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
        if (outcome == Outcome.CREATED) {
            // a task its batch kept back counts once it is written: an outdated batch comes again
            store.whenWritten(count);
        }
        else {
            count.run();
        }
        return Optional.of(outcome);
    }

    private static TaskCreated.Trigger trigger(CaseRiskAssessed assessed) {
        if (assessed.complaintIntent()) {
            return TaskCreated.Trigger.COMPLAINT_INTENT;
        }
        return assessed.pendingDecision() != null && assessed.pendingDecision().dueAt() != null
                ? TaskCreated.Trigger.DECISION_PENDING : null;
    }

    private Outcome create(CaseRiskAssessed assessed, TaskCreated.Trigger trigger) {
        List<String> reasons = assessed.factors().stream().map(RiskAssessed.Factor::code).toList();
        // the store keeps milliseconds; truncating here keeps the stored task and its announcement identical
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (holdout.isControl(assessed.department(), assessed.caseId())) {
            // counted once per case, so the metric says how many cases went without a call
            return controls.record(assessed.department(), assessed.caseId(), trigger, reasons, now)
                    ? Outcome.HOLDOUT : Outcome.CASE_IN_CONTROL_GROUP;
        }
        CaseRiskAssessed.PendingDecision pending = assessed.pendingDecision();
        Instant decisionDueAt = pending == null ? null : pending.dueAt();
        Instant dueAt = trigger == TaskCreated.Trigger.COMPLAINT_INTENT ? sla.dueAfterComplaintIntent(now)
                : sla.dueBeforeDecision(decisionDueAt);
        CaseInfo known = cases.of(assessed.department(), assessed.caseId());
        // the deciding caseworker knows the case best; without one the task waits in the team's queue
        String assignee = firstOf(pending == null ? null : pending.caseworkerId(), assessed.caseworkerId(), known.caseworkerId());
        String team = firstOf(known.team(), assessed.team());
        String actor = assessed.cause() == null ? "system" : assessed.cause().source();
        Task task = new Task(taskId(assessed, trigger), assessed.department(), assessed.caseId(), trigger, now)
                .schedule(dueAt, decisionDueAt, sla.departmentHeadEscalationAt(dueAt))
                .risk(assessed.score(), assessed.level(), reasons)
                .assign(assignee, team)
                .record(now, "created", Task.Status.OPEN, actor, String.join(", ", reasons));
        TaskCreated announcement = new TaskCreated(task.taskId(), task.trigger(), task.dueAt(), decisionDueAt,
                assignee, team, assessed.score(), assessed.level(), task.reasons());
        return lifecycle.open(task, new Announcement(EventType.TASK_CREATED, "task-created-" + task.taskId(), announcement));
    }

    /**
     * The same call gets the same id however many assessments ask for it, so the store's primary key turns the
     * repeats away: a pending decision is known by its due date, complaint intent once per case. A later decision
     * with another due date may get a call of its own once the first task is closed.
     */
    static String taskId(CaseRiskAssessed assessed, TaskCreated.Trigger trigger) {
        return taskId(assessed.department(), assessed.caseId(), trigger,
                trigger == TaskCreated.Trigger.COMPLAINT_INTENT ? null : assessed.pendingDecision().dueAt());
    }

    /** @param decisionDueAt the pending decision's due date; ignored for complaint intent */
    static String taskId(String department, String caseId, TaskCreated.Trigger trigger, Instant decisionDueAt) {
        String call = trigger == TaskCreated.Trigger.COMPLAINT_INTENT ? "complaint_intent"
                : "decision_pending " + decisionDueAt;
        return UUID.nameUUIDFromBytes((department + " " + caseId + " " + call).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
