package dk.servicepuls.escalation.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The web inbox's way into the tasks. Public because the inbox is a feature package of its own; it reads through
 * {@link VisibleTasks} and changes tasks only through {@link TaskLifecycle}, exactly as the JSON API does, so both
 * show the same tasks and keep the same rules (one claimant, a required note, 409 for an illegal step).
 */
@Component
public class TaskInbox {

    private final VisibleTasks visible;
    private final TaskLifecycle lifecycle;
    private final Clock clock;

    TaskInbox(VisibleTasks visible, TaskLifecycle lifecycle, Clock clock) {
        this.visible = visible;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** The outcome codes a completed call can have, in the order the form offers them. */
    public static List<String> outcomes() {
        return Arrays.stream(TaskCompleted.Outcome.values()).map(TaskTransitions::code).toList();
    }

    /**
     * The tasks of the caller's department that the caller may see, the most urgent first, narrowed to an assignee, a
     * team and status codes when given ({@code open, claimed, escalated, completed, expired, cancelled}).
     */
    public List<Entry> visibleTo(Caller caller, String caseworkerId, String team, Collection<String> statuses) {
        List<Task.Status> parsed = new ArrayList<>();
        for (String code : statuses) {
            Task.Status status = Task.Status.ofCode(code);
            if (status == null) {
                throw new IllegalArgumentException("Unknown task status " + code);
            }
            parsed.add(status);
        }
        Instant now = clock.instant();
        return visible.of(caller, caller.department(), caseworkerId, team, parsed).stream().map(task -> entry(task, now))
                .toList();
    }

    /**
     * The task, if it exists and the caller may see it ({@link TaskVisibility}, the same rule as the JSON API); a
     * task the caller may not see is as good as missing.
     */
    public Optional<Entry> find(Caller caller, String taskId) {
        return visible.find(caller, taskId).map(task -> entry(task, clock.instant()));
    }

    /** @throws Refused when the step is not possible (another caseworker has it, the task is closed) */
    public Entry claim(String taskId, String caseworkerId) {
        return act(() -> lifecycle.claim(taskId, caseworkerId));
    }

    /**
     * @param outcomeCode one of {@link #outcomes()}
     * @param note        the call note (notatpligt); masked before it is stored
     * @throws Refused when the note or outcome is missing, or the step is not possible
     */
    public Entry complete(String taskId, String caseworkerId, String outcomeCode, String note) {
        TaskCompleted.Outcome outcome = Arrays.stream(TaskCompleted.Outcome.values())
                .filter(candidate -> TaskTransitions.code(candidate).equals(outcomeCode)).findFirst().orElse(null);
        return act(() -> lifecycle.complete(taskId, caseworkerId, outcome, note));
    }

    private Entry act(java.util.function.Supplier<Task> step) {
        try {
            return entry(step.get(), clock.instant());
        }
        catch (IllegalTransitionException e) {
            throw new Refused("illegal-transition", e.getMessage());
        }
        catch (InvalidTaskCommandException e) {
            throw new Refused(e.problemType(), e.getMessage());
        }
        catch (TaskNotFoundException e) {
            throw new Refused("not-found", e.getMessage());
        }
    }

    private static Entry entry(Task task, Instant now) {
        TaskView view = TaskView.of(task, now);
        return new Entry(view.taskId(), view.department(), view.caseId(), TaskTransitions.code(view.trigger()),
                view.status(), view.caseworkerId(), view.team(), view.claimedBy(),
                view.escalatedTo() == null ? null : TaskTransitions.code(view.escalatedTo()), view.createdAt(),
                view.dueAt(), view.decisionDueAt(), view.claimedAt(), view.closedAt(),
                view.outcome() == null ? null : TaskTransitions.code(view.outcome()), view.note(), view.riskScore(),
                view.riskLevel() == null ? null : TaskTransitions.code(view.riskLevel()), view.reasons(),
                view.deadlines().stream().map(deadline -> new Deadline(deadline.kind(), deadline.at(), deadline.passed()))
                        .toList(),
                view.history().stream().map(step -> new Step(step.at(), step.event(), step.from(), step.to(),
                        step.actor(), step.detail())).toList(),
                task.status().active(), task.status().active() && now.isAfter(task.dueAt()));
    }

    /**
     * A task as the inbox shows it; codes are the JSON API's lower-case codes.
     *
     * @param active  whether the task still waits for its call (open, claimed or escalated)
     * @param overdue whether it still waits and its due time has passed
     */
    public record Entry(String taskId, String department, String caseId, String trigger, String status,
            String caseworkerId, String team, String claimedBy, String escalatedTo, Instant createdAt, Instant dueAt,
            Instant decisionDueAt, Instant claimedAt, Instant closedAt, String outcome, String note, int riskScore,
            String riskLevel, List<String> reasons, List<Deadline> deadlines, List<Step> history, boolean active,
            boolean overdue) {

        /** Whether a caseworker can take it: still waiting and nobody has it yet. */
        public boolean claimable() {
            return active && claimedBy == null;
        }
    }

    /** @param kind due, escalation_team_lead, escalation_department_head or decision */
    public record Deadline(String kind, Instant at, boolean passed) {
    }

    /** One step of the task's life; {@code detail} is never a caseworker's free text. */
    public record Step(Instant at, String event, String from, String to, String actor, String detail) {
    }

    /** A claim or completion that the task's rules refuse; {@code code} is the JSON API's problem type. */
    public static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String detail) {
            super(detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
