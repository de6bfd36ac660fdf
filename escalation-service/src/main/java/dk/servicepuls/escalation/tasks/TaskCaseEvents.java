package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.escalation.caseevents.CaseEventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a case's events mean for its existing tasks and the case file: who the case belongs to, a decision made, a
 * case closed or handed off. New tasks come from the risk of the case (RiskTrigger), not from single events; the risk
 * handles each event first, so a task its assessment creates is there for the event's step here (a decision.made
 * right after its decision.pending expires the task that pending created).
 * <p>
 * A batch's cases, their active tasks and the tasks its events may create are read in three queries before its first
 * event, and what the events change goes out in bulk at its end: the tasks' inserts and steps, then the case file
 * (see {@link TaskStore} and {@link CaseFile}), so a batch costs a few store commands whatever its size. The three
 * reads go out at once, on threads of their own, as soon as the batch is known ({@link #prepare}), while the risk
 * side reads and writes the same cases' risks: a poll waits for a round trip to the store about a dozen times, and
 * these three need not wait for each other or for the risk side.
 */
@Order(2)
@Component
class TaskCaseEvents implements CaseEventHandler, AutoCloseable {

    /** One batch at a time per consumer thread, three reads each. */
    private static final int READ_THREADS = 3;

    private final TaskLifecycle lifecycle;
    private final CaseFile cases;
    private final TaskStore store;
    private final ExecutorService reads = Executors.newFixedThreadPool(READ_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "task-batch-reads");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadLocal<Prefetch> prefetched = new ThreadLocal<>();

    TaskCaseEvents(TaskLifecycle lifecycle, CaseFile cases, TaskStore store) {
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.store = store;
    }

    /** Starts the batch's reads on threads of their own, so that they overlap the risk side's reads and write. */
    @Override
    public void prepare(List<CaseEvent> batch) {
        BatchCases of = BatchCases.of(batch);
        prefetched.set(new Prefetch(batch, of,
                CompletableFuture.supplyAsync(() -> cases.read(of.touched()), reads),
                CompletableFuture.supplyAsync(() -> store.readActive(of.touched()), reads),
                store.asksStoredIds(of.possibleTasks())
                        ? CompletableFuture.supplyAsync(() -> store.storedIds(of.possibleTasks()), reads)
                        : CompletableFuture.completedFuture(Set.of())));
    }

    @Override
    public CaseEventHandler forBatch(List<CaseEvent> batch) {
        Prefetch prefetch = prefetched.get();
        prefetched.remove();
        boolean ahead = prefetch != null && prefetch.batch() == batch;
        BatchCases of = ahead ? prefetch.of() : BatchCases.of(batch);
        cases.openBatch(ahead ? joined(prefetch.caseFiles()) : cases.read(of.touched()));
        try {
            if (ahead) {
                store.openBatch(joined(prefetch.active()), of.possibleTasks(), joined(prefetch.stored()));
            }
            else {
                store.openBatch(of.touched(), of.possibleTasks());
            }
        }
        catch (RuntimeException e) {
            cases.closeBatch();
            throw e;
        }
        return new CaseEventHandler() {

            @Override
            public void on(CaseEvent event) {
                TaskCaseEvents.this.on(event);
            }

            @Override
            public void endBatch() {
                // the steps before the case file that marks their events handled
                try {
                    store.closeBatch();
                }
                catch (RuntimeException notWritten) {
                    cases.abandonBatch();
                    throw notWritten;
                }
                cases.closeBatch();
            }
        };
    }

    /** A read's result, or what made it fail, as thrown on this thread. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        reads.shutdownNow();
    }

    /** The cases a batch touches, and the ids of the tasks its events may create. */
    private record BatchCases(Set<CaseKey> touched, Set<String> possibleTasks) {

        static BatchCases of(List<CaseEvent> batch) {
            Set<CaseKey> touched = new LinkedHashSet<>();
            Set<String> possibleTasks = new HashSet<>();
            for (CaseEvent event : batch) {
                if (event.caseId() == null || event.department() == null) {
                    continue;
                }
                if (touched.add(new CaseKey(event.department(), event.caseId()))) {
                    possibleTasks.add(ProactiveCallTasks.taskId(event.department(), event.caseId(),
                            TaskCreated.Trigger.COMPLAINT_INTENT, null));
                }
                CaseTransferred transferred = event.data(CaseTransferred.class);
                if (transferred != null && transferred.toDepartment() != null) {
                    touched.add(new CaseKey(transferred.toDepartment(), event.caseId()));
                }
                DecisionPending pending = event.data(DecisionPending.class);
                if (pending != null && pending.dueAt() != null) {
                    // as the event says it, and as the risk keeps it (in milliseconds) for a later assessment
                    for (Instant dueAt : List.of(pending.dueAt(), pending.dueAt().truncatedTo(ChronoUnit.MILLIS))) {
                        possibleTasks.add(ProactiveCallTasks.taskId(event.department(), event.caseId(),
                                TaskCreated.Trigger.DECISION_PENDING, dueAt));
                    }
                }
            }
            return new BatchCases(touched, possibleTasks);
        }
    }

    /** The reads {@link #prepare} started for a batch (the very list, compared by identity). */
    private record Prefetch(List<CaseEvent> batch, BatchCases of, CompletableFuture<Map<String, CaseFile.Known>> caseFiles,
            CompletableFuture<Map<CaseKey, Optional<Task>>> active, CompletableFuture<Set<String>> stored) {
    }

    @Override
    public void on(CaseEvent event) {
        if (event.caseId() == null || event.department() == null) {
            return;
        }
        switch (event.type()) {
            case CASE_OPENED -> {
                CaseOpened opened = event.data(CaseOpened.class);
                if (opened != null) {
                    cases.note(event.department(), event.caseId(), opened.team(), opened.caseworkerId());
                }
            }
            case DECISION_PENDING -> {
                // whether it calls for a task is the risk's to say (RiskTrigger); who decides is noted here
                DecisionPending pending = event.data(DecisionPending.class);
                if (pending != null && pending.caseworkerId() != null) {
                    cases.note(event.department(), event.caseId(), null, pending.caseworkerId());
                }
            }
            case DECISION_MADE -> lifecycle.onDecisionMade(ref(event));
            case CASE_CLOSED -> lifecycle.onCaseClosed(ref(event));
            case CASE_TRANSFERRED -> {
                CaseTransferred transferred = event.data(CaseTransferred.class);
                if (transferred == null || transferred.toTeam() == null) {
                    throw new IllegalArgumentException("case.transferred without data.toTeam");
                }
                lifecycle.onTransferred(ref(event), transferred.toTeam(), transferred.toDepartment());
            }
            default -> {
                // contacts and feedback reach tasks through the risk, not directly
            }
        }
    }

    private static CaseEventRef ref(CaseEvent event) {
        return new CaseEventRef(event.source(), event.id(), event.department(), event.caseId());
    }
}
