package dk.servicepuls.escalation.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.escalation.tasks.TaskTransitions.Change;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import org.springframework.stereotype.Component;

/**
 * The one writer of tasks: opens them, and carries out the steps of their life against the store: reads the task,
 * lets {@link TaskTransitions} decide, and writes the result guarded by what was read. The acting caseworker is always an explicit argument, so that
 * whoever authenticates the caller supplies it.
 */
@Component
class TaskLifecycle {

    /** How often a step is decided again when another writer changed the task in between. */
    private static final int ATTEMPTS = 5;
    static final int MAX_NOTE_LENGTH = 4000;

    private final TaskStore store;
    private final CaseFile cases;
    private final FreeTextMasker masker;
    private final TaskMetrics metrics;
    private final Clock clock;

    TaskLifecycle(TaskStore store, CaseFile cases, FreeTextMasker masker, TaskMetrics metrics, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.masker = masker;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A new task, stored with its announcement in one write. The store's key turns a repeat away, so a redelivered
     * assessment makes no second task.
     */
    ProactiveCallTasks.Outcome open(Task task, TaskTransitions.Announcement created) {
        return store.insert(task, created);
    }

    Task claim(String taskId, String caseworkerId) {
        requireCaseworker(caseworkerId);
        return step(() -> task(taskId), task -> TaskTransitions.claim(task, caseworkerId, now()))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /**
     * The note is required by the caseworker's duty to note oral case information (notatpligt); it is masked before
     * it is stored or published, as all free text is.
     */
    Task complete(String taskId, String caseworkerId, TaskCompleted.Outcome outcome, String note) {
        requireCaseworker(caseworkerId);
        if (outcome == null) {
            throw new InvalidTaskCommandException("outcome-required",
                    "An outcome is required: reached_resolved, reached_complaint_expected, not_reached or declined");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidTaskCommandException("note-required",
                    "A call note is required: what was explained and agreed (notatpligt)");
        }
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidTaskCommandException("note-too-long", "The call note may be at most 4000 characters");
        }
        String masked = masker.mask(note.strip());
        return step(() -> task(taskId), task -> TaskTransitions.complete(task, caseworkerId, outcome, masked, now()))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** The decision went out: a call still waiting lost its point. */
    void onDecisionMade(CaseEventRef event) {
        onCaseEvent(event, task -> TaskTransitions.expire(task, "decision_made", event.eventSource(), now()));
    }

    /** The case was closed: the call is no longer wanted. */
    void onCaseClosed(CaseEventRef event) {
        onCaseEvent(event, task -> TaskTransitions.cancel(task, "case_closed", event.eventSource(), now()));
    }

    /** A hand-off: the case, and a call still waiting, move to another team or department. */
    void onTransferred(CaseEventRef event, String toTeam, String toDepartment) {
        boolean leavesDepartment = toDepartment != null && !toDepartment.equals(event.department());
        // caseworker ids are the department's own: one from the old department means nothing in the new one
        String caseworker = leavesDepartment ? null : cases.of(event.department(), event.caseId()).caseworkerId();
        onCaseEvent(event, task -> TaskTransitions.transfer(task, toTeam, toDepartment,
                caseworker != null ? caseworker : leavesDepartment ? null : task.caseworkerId(), event.eventSource(), now()));
        cases.note(leavesDepartment ? toDepartment : event.department(), event.caseId(), toTeam, null);
    }

    /** Moves a task one rung up the SLA ladder if it is still overdue at that moment. */
    void escalate(String taskId, Instant now) {
        step(() -> store.find(taskId), task -> TaskTransitions.escalate(task, now.truncatedTo(ChronoUnit.MILLIS)));
    }

    private void onCaseEvent(CaseEventRef event, Function<Task, Change> decide) {
        if (cases.handled(event)) {
            return;
        }
        step(() -> store.activeOf(event.department(), event.caseId()), decide);
        cases.markHandled(event);
    }

    /**
     * Reads, decides and writes until the write finds the task as read. Returns the task as it is afterwards, or
     * empty when there is none.
     */
    private Optional<Task> step(Supplier<Optional<Task>> read, Function<Task, Change> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Task> current = read.get();
            if (current.isEmpty()) {
                return current;
            }
            Change change = decide.apply(current.get());
            if (change == null) {
                return current;
            }
            if (store.apply(change)) {
                store.whenWritten(() -> count(change.after()));
                return Optional.of(change.after());
            }
        }
        throw new IllegalTransitionException("The task is being changed by someone else; try again");
    }

    private void count(Task after) {
        metrics.stepped(after);
        String event = after.history().get(after.history().size() - 1).event();
        if ("claimed".equals(event)) {
            metrics.claimed(after);
        }
        else if ("completed".equals(event)) {
            metrics.completed(after);
        }
    }

    private Optional<Task> task(String taskId) {
        return store.find(taskId);
    }

    private static void requireCaseworker(String caseworkerId) {
        if (caseworkerId == null || caseworkerId.isBlank()) {
            throw new InvalidTaskCommandException("caseworker-required", "caseworkerId is required");
        }
    }

    private Instant now() {
        // the store keeps milliseconds; the history and the announcement must say the same
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
