package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.util.Objects;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.TaskClaimed;
import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.contracts.events.TaskEscalated;
import dk.servicepuls.contracts.events.TaskEscalated.EscalatedTo;
import dk.servicepuls.contracts.events.TaskCancelled;
import dk.servicepuls.contracts.events.TaskExpired;
import dk.servicepuls.escalation.tasks.Task.Status;

/**
 * The task state machine: which step is allowed from which state, what it changes, and which task.* event it
 * announces. Pure: it works on a copy and touches neither the store nor the clock, so every rule is unit-testable.
 *
 * <pre>
 * open ──claim──▶ claimed ──complete──▶ completed
 *   │                │
 *   └──overdue──▶ escalated (team lead ▶ department head) ──claim / complete──▶ …
 * any active state ──decision made──▶ expired;  ──case closed──▶ cancelled;  ──hand-off──▶ same state, new team
 * </pre>
 */
final class TaskTransitions {

    static final String SYSTEM = "system";

    /** The task before and after a step, and the event to publish with it ({@code null} for none). */
    record Change(Task before, Task after, Announcement announcement) {
    }

    /** A task.* event; its id is derived from the task and the step, so a rebuilt store announces the same ids. */
    record Announcement(EventType type, String eventId, Record data) {
    }

    private TaskTransitions() {
    }

    /**
     * Takes the task for a call. The same caseworker claiming again changes nothing (a retried request), so
     * this returns {@code null} then.
     */
    static Change claim(Task task, String caseworkerId, Instant now) {
        Objects.requireNonNull(caseworkerId, "caseworkerId");
        if (caseworkerId.equals(task.claimedBy()) && task.status().active()) {
            return null;
        }
        if (task.claimedBy() != null && task.status().active()) {
            throw new IllegalTransitionException("The task is already claimed by another caseworker");
        }
        requireActive(task, "claimed");
        // an escalated task stays escalated when someone takes it: the team lead still sees it is late
        Status to = task.status() == Status.ESCALATED ? Status.ESCALATED : Status.CLAIMED;
        Task after = task.copy().claimed(caseworkerId, now).record(now, "claimed", to, caseworkerId, null);
        return new Change(task, after, new Announcement(EventType.TASK_CLAIMED, "task-claimed-" + task.taskId(),
                new TaskClaimed(task.taskId(), caseworkerId)));
    }

    /** Completes the call; only the caseworker who claimed the task can. The note must already be masked. */
    static Change complete(Task task, String caseworkerId, TaskCompleted.Outcome outcome, String maskedNote, Instant now) {
        Objects.requireNonNull(caseworkerId, "caseworkerId");
        requireActive(task, "completed");
        if (task.claimedBy() == null) {
            throw new IllegalTransitionException("The task must be claimed before it can be completed");
        }
        if (!caseworkerId.equals(task.claimedBy())) {
            throw new IllegalTransitionException("The task is claimed by another caseworker");
        }
        Task after = task.copy().completed(outcome, maskedNote).close(now)
                .record(now, "completed", Status.COMPLETED, caseworkerId, code(outcome));
        return new Change(task, after, new Announcement(EventType.TASK_COMPLETED, "task-completed-" + task.taskId(),
                new TaskCompleted(task.taskId(), outcome, maskedNote, caseworkerId)));
    }

    /** Moves an overdue task one rung up the ladder; {@code null} when it is not due for escalation. */
    static Change escalate(Task task, Instant now) {
        if (!task.status().active() || task.nextEscalationAt() == null || task.nextEscalationAt().isAfter(now)) {
            return null;
        }
        EscalatedTo rung = task.escalatedTo() == null ? EscalatedTo.TEAM_LEAD : EscalatedTo.DEPARTMENT_HEAD;
        String reason = task.claimedBy() == null ? "not_claimed_in_time" : "not_completed_in_time";
        Task after = task.copy().escalated(rung).record(now, "escalated", Status.ESCALATED, SYSTEM,
                code(rung) + ": " + reason);
        return new Change(task, after, new Announcement(EventType.TASK_ESCALATED,
                "task-escalated-" + code(rung) + "-" + task.taskId(), new TaskEscalated(task.taskId(), rung, reason)));
    }

    /** The decision went out before the call was completed: the call lost its point. */
    static Change expire(Task task, String reason, String actor, Instant now) {
        if (!task.status().active()) {
            return null;
        }
        Task after = task.copy().close(now).record(now, "expired", Status.EXPIRED, actor, reason);
        return new Change(task, after, new Announcement(EventType.TASK_EXPIRED, "task-expired-" + task.taskId(),
                new TaskExpired(task.taskId(), reason)));
    }

    /** The case was closed before the call: announced as task.cancelled, so the department's system can tidy up. */
    static Change cancel(Task task, String reason, String actor, Instant now) {
        if (!task.status().active()) {
            return null;
        }
        Task after = task.copy().close(now).record(now, "cancelled", Status.CANCELLED, actor, reason);
        return new Change(task, after, new Announcement(EventType.TASK_CANCELLED, "task-cancelled-" + task.taskId(),
                new TaskCancelled(task.taskId(), reason)));
    }

    /**
     * A hand-off: the task follows the case to the new team (and department) with its history and its SLA. A
     * claim made in the old department is released: caseworker ids are the department's own.
     */
    static Change transfer(Task task, String toTeam, String toDepartment, String assignee, String actor, Instant now) {
        if (!task.status().active()) {
            return null;
        }
        String department = toDepartment == null ? task.department() : toDepartment;
        Task after = task.copy();
        Status to = task.status();
        if (!department.equals(task.department()) && task.claimedBy() != null) {
            after.releaseClaim();
            to = task.status() == Status.CLAIMED ? Status.OPEN : task.status();
        }
        after.movedTo(department, toTeam, after.claimedBy() != null ? after.claimedBy() : assignee)
                .record(now, "transferred", to, actor, "team " + toTeam + (department.equals(task.department()) ? ""
                        : ", department " + department));
        return new Change(task, after, null);
    }

    private static void requireActive(Task task, String step) {
        if (!task.status().active()) {
            throw new IllegalTransitionException("A task that is " + task.status().code() + " cannot be " + step);
        }
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
