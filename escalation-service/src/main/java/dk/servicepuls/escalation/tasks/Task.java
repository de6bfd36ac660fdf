package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.contracts.events.TaskEscalated.EscalatedTo;
import org.springframework.data.annotation.Id;

/**
 * A proactive call a caseworker is to make, as kept in the store. Mutable only on its way through
 * {@link TaskTransitions}, which works on a copy; the store writes the copy back guarded by {@link #version()}.
 */
final class Task {

    enum Status {
        OPEN, CLAIMED, ESCALATED, COMPLETED, EXPIRED, CANCELLED;

        /** Whether the SLA clock runs: the task still waits for a call. */
        boolean active() {
            return this == OPEN || this == CLAIMED || this == ESCALATED;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofCode(String code) {
            for (Status status : values()) {
                if (status.code().equals(code)) {
                    return status;
                }
            }
            return null;
        }
    }

    /**
     * One step in a task's life, kept on the task for the inbox and for audit.
     *
     * @param event  created, claimed, completed, escalated, expired, cancelled or transferred
     * @param actor  the caseworker, or {@code system} for the SLA ladder, or the case system's event source
     * @param detail the outcome, the rung, the reason or the new team; never free text from a caseworker
     */
    record Transition(Instant at, String event, Status from, Status to, String actor, String detail) {
    }

    @Id
    private String taskId;
    private String department;
    private String caseId;
    private TaskCreated.Trigger trigger;
    private Instant createdAt;
    private Instant dueAt;
    private Instant decisionDueAt;
    /** The assignee: the case's caseworker, whoever claimed the task, or nobody (the team's queue). */
    private String caseworkerId;
    private String team;
    private Status status;
    private int riskScore;
    private RiskLevel riskLevel;
    private List<String> reasons = new ArrayList<>();
    private EscalatedTo escalatedTo;
    /** When the ladder next moves the task up; absent when the clock is stopped or the top rung is reached. */
    private Instant nextEscalationAt;
    private Instant departmentHeadEscalationAt;
    private String claimedBy;
    private Instant claimedAt;
    private Instant closedAt;
    private TaskCompleted.Outcome outcome;
    /** The call note, masked. */
    private String note;
    private List<Transition> history = new ArrayList<>();
    private long version;

    Task() {
    }

    Task(String taskId, String department, String caseId, TaskCreated.Trigger trigger, Instant createdAt) {
        this.taskId = taskId;
        this.department = department;
        this.caseId = caseId;
        this.trigger = trigger;
        this.createdAt = createdAt;
        // no status until the creation is recorded, so the history's first entry comes from nowhere
    }

    Task copy() {
        Task copy = new Task(taskId, department, caseId, trigger, createdAt);
        copy.dueAt = dueAt;
        copy.decisionDueAt = decisionDueAt;
        copy.caseworkerId = caseworkerId;
        copy.team = team;
        copy.status = status;
        copy.riskScore = riskScore;
        copy.riskLevel = riskLevel;
        copy.reasons = new ArrayList<>(reasons);
        copy.escalatedTo = escalatedTo;
        copy.nextEscalationAt = nextEscalationAt;
        copy.departmentHeadEscalationAt = departmentHeadEscalationAt;
        copy.claimedBy = claimedBy;
        copy.claimedAt = claimedAt;
        copy.closedAt = closedAt;
        copy.outcome = outcome;
        copy.note = note;
        copy.history = new ArrayList<>(history);
        copy.version = version;
        return copy;
    }

    /** This task as the store holds it once a step has written it as the given version. */
    Task stored(long writtenVersion) {
        Task stored = copy();
        stored.version = writtenVersion;
        return stored;
    }

    /** The SLA: when the call is due, and when the ladder moves it to the team lead and then the department head. */
    Task schedule(Instant dueAt, Instant decisionDueAt, Instant departmentHeadEscalationAt) {
        this.dueAt = dueAt;
        this.decisionDueAt = decisionDueAt;
        this.nextEscalationAt = dueAt;
        this.departmentHeadEscalationAt = departmentHeadEscalationAt;
        return this;
    }

    Task risk(int riskScore, RiskLevel riskLevel, List<String> reasons) {
        this.riskScore = riskScore;
        this.riskLevel = riskLevel;
        this.reasons = new ArrayList<>(reasons);
        return this;
    }

    Task assign(String caseworkerId, String team) {
        this.caseworkerId = caseworkerId;
        this.team = team;
        return this;
    }

    /** Records a step: the new status, and a history entry saying who did what. */
    Task record(Instant at, String event, Status to, String actor, String detail) {
        history.add(new Transition(at, event, status, to, actor, detail));
        status = to;
        return this;
    }

    /** Stops the SLA clock: nothing is due any more, and the case may get a new task. */
    Task close(Instant at) {
        closedAt = at;
        nextEscalationAt = null;
        return this;
    }

    Task claimed(String caseworkerId, Instant at) {
        this.claimedBy = caseworkerId;
        this.claimedAt = at;
        this.caseworkerId = caseworkerId;
        return this;
    }

    Task completed(TaskCompleted.Outcome outcome, String maskedNote) {
        this.outcome = outcome;
        this.note = maskedNote;
        return this;
    }

    Task escalated(EscalatedTo rung) {
        this.escalatedTo = rung;
        this.nextEscalationAt = rung == EscalatedTo.TEAM_LEAD ? departmentHeadEscalationAt : null;
        return this;
    }

    Task movedTo(String department, String team, String caseworkerId) {
        this.department = department;
        this.team = team;
        this.caseworkerId = caseworkerId;
        return this;
    }

    Task releaseClaim() {
        this.claimedBy = null;
        this.claimedAt = null;
        return this;
    }

    String taskId() {
        return taskId;
    }

    String department() {
        return department;
    }

    String caseId() {
        return caseId;
    }

    TaskCreated.Trigger trigger() {
        return trigger;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant decisionDueAt() {
        return decisionDueAt;
    }

    String caseworkerId() {
        return caseworkerId;
    }

    String team() {
        return team;
    }

    Status status() {
        return status;
    }

    int riskScore() {
        return riskScore;
    }

    RiskLevel riskLevel() {
        return riskLevel;
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }

    EscalatedTo escalatedTo() {
        return escalatedTo;
    }

    Instant nextEscalationAt() {
        return nextEscalationAt;
    }

    Instant departmentHeadEscalationAt() {
        return departmentHeadEscalationAt;
    }

    String claimedBy() {
        return claimedBy;
    }

    Instant claimedAt() {
        return claimedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    TaskCompleted.Outcome outcome() {
        return outcome;
    }

    String note() {
        return note;
    }

    List<Transition> history() {
        return List.copyOf(history);
    }

    long version() {
        return version;
    }
}
