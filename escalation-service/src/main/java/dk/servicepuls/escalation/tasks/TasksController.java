package dk.servicepuls.escalation.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.security.ForbiddenException;
import dk.servicepuls.platform.web.NotFoundException;
import dk.servicepuls.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caseworker inbox API. Case ids are unique only within a department, hence the department on every list; a
 * caller sees what {@link TaskVisibility} allows, and claims and completes tasks as themselves (the token's
 * caseworker id).
 */
@RestController
class TasksController {

    private final VisibleTasks visible;
    private final TaskLifecycle lifecycle;
    private final Clock clock;

    TasksController(VisibleTasks visible, TaskLifecycle lifecycle, Clock clock) {
        this.visible = visible;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/tasks?department=…[&caseworkerId=…][&team=…][&status=open,escalated]}, the most urgent
     * first: a caseworker's own tasks, a team's queue, or a team lead's escalated tasks.
     */
    @GetMapping("/api/v1/tasks")
    Inbox tasks(@RequestParam String department, @RequestParam(required = false) String caseworkerId,
            @RequestParam(required = false) String team, @RequestParam(required = false) List<String> status,
            Caller caller) {
        List<Task.Status> statuses = new ArrayList<>();
        for (String code : status == null ? List.<String>of() : status) {
            Task.Status parsed = Task.Status.ofCode(code);
            if (parsed == null) {
                throw new InvalidTaskCommandException("invalid-status",
                        "status must be open, claimed, escalated, completed, expired or cancelled");
            }
            statuses.add(parsed);
        }
        return new Inbox(department, visible.of(caller, department, caseworkerId, team, statuses).stream()
                .map(task -> TaskView.of(task, clock.instant())).toList());
    }

    @GetMapping("/api/v1/tasks/{taskId}")
    TaskView task(@PathVariable String taskId, Caller caller) {
        return TaskView.of(visibleTask(taskId, caller), clock.instant());
    }

    @PostMapping("/api/v1/tasks/{taskId}/claim")
    TaskView claim(@PathVariable String taskId, @RequestBody(required = false) Claim claim, Caller caller) {
        visibleTask(taskId, caller);
        return TaskView.of(lifecycle.claim(taskId, actor(caller, claim == null ? null : claim.caseworkerId())),
                clock.instant());
    }

    @PostMapping("/api/v1/tasks/{taskId}/complete")
    TaskView complete(@PathVariable String taskId, @RequestBody Completion completion, Caller caller) {
        visibleTask(taskId, caller);
        return TaskView.of(lifecycle.complete(taskId, actor(caller, completion.caseworkerId()),
                outcome(completion.outcome()), completion.note()), clock.instant());
    }

    /** A task the caller may not see answers 404 like a missing one: its existence is not the caller's business. */
    private Task visibleTask(String taskId, Caller caller) {
        return visible.find(caller, taskId).orElseThrow(() -> new NotFoundException("No task " + taskId));
    }

    /** The token says who acts; a caseworker id in the body, kept for scripts, must agree with it. */
    private static String actor(Caller caller, String claimed) {
        if (caller.caseworkerId() == null) {
            throw new ForbiddenException("Only a caseworker can take or complete a call");
        }
        if (claimed != null && !claimed.equals(caller.caseworkerId())) {
            throw new ForbiddenException("A caseworker acts as themselves; the body names someone else");
        }
        return caller.caseworkerId();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(TaskNotFoundException e) {
        return Problems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "illegal-transition", "Not possible in the task's state",
                e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidCommand(InvalidTaskCommandException e) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, e.problemType(), "Invalid request", e.getMessage()));
    }

    private static TaskCompleted.Outcome outcome(String code) {
        if (code == null) {
            return null;
        }
        for (TaskCompleted.Outcome outcome : TaskCompleted.Outcome.values()) {
            if (TaskTransitions.code(outcome).equals(code)) {
                return outcome;
            }
        }
        throw new InvalidTaskCommandException("invalid-outcome",
                "outcome must be reached_resolved, reached_complaint_expected, not_reached or declined");
    }

    record Inbox(String department, List<TaskView> tasks) {
    }

    /** @param caseworkerId optional; when given, it must be the caller's own */
    record Claim(String caseworkerId) {
    }

    /**
     * @param caseworkerId optional; when given, it must be the caller's own
     * @param note what was explained and agreed in the call; required (notatpligt), at most 4000 characters
     */
    record Completion(String caseworkerId, String outcome, String note) {
    }
}
