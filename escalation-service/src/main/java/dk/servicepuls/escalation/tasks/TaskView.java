package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.contracts.events.TaskEscalated.EscalatedTo;

/**
 * A task as the inbox shows it: who has it, what is due when, what happened so far and why the task exists.
 *
 * @param caseworkerId the assignee; absent while the task waits in the team's queue
 * @param reasons      the risk factor codes behind the task, largest first
 * @param deadlines    every deadline of a task still waiting for its call, soonest first; empty once the clock
 *                     stopped (completed, expired, cancelled)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskView(String taskId, String department, String caseId, TaskCreated.Trigger trigger, String status,
        String caseworkerId, String team, String claimedBy, EscalatedTo escalatedTo, Instant createdAt, Instant dueAt,
        Instant decisionDueAt, Instant claimedAt, Instant closedAt, TaskCompleted.Outcome outcome, String note,
        int riskScore, RiskLevel riskLevel, List<String> reasons, List<Deadline> deadlines, List<Step> history) {

    /** @param kind due, escalation_team_lead, escalation_department_head or decision */
    record Deadline(String kind, Instant at, boolean passed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(Instant at, String event, String from, String to, String actor, String detail) {
    }

    static TaskView of(Task task, Instant now) {
        return new TaskView(task.taskId(), task.department(), task.caseId(), task.trigger(), task.status().code(),
                task.caseworkerId(), task.team(), task.claimedBy(), task.escalatedTo(), task.createdAt(), task.dueAt(),
                task.decisionDueAt(), task.claimedAt(), task.closedAt(), task.outcome(), task.note(), task.riskScore(),
                task.riskLevel(), task.reasons(), deadlines(task, now),
                task.history().stream().map(step -> new Step(step.at(), step.event(),
                        step.from() == null ? null : step.from().code(), step.to().code(), step.actor(), step.detail()))
                        .toList());
    }

    private static List<Deadline> deadlines(Task task, Instant now) {
        List<Deadline> deadlines = new ArrayList<>();
        if (!task.status().active()) {
            return deadlines;
        }
        add(deadlines, "due", task.dueAt(), now);
        // the ladder moves an overdue task to the team lead at once
        add(deadlines, "escalation_team_lead", task.dueAt(), now);
        add(deadlines, "escalation_department_head", task.departmentHeadEscalationAt(), now);
        add(deadlines, "decision", task.decisionDueAt(), now);
        deadlines.sort(Comparator.comparing(Deadline::at));
        return deadlines;
    }

    private static void add(List<Deadline> deadlines, String kind, Instant at, Instant now) {
        if (at != null) {
            deadlines.add(new Deadline(kind, at, !at.isAfter(now)));
        }
    }
}
