package dk.servicepuls.escalation.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * (see {@link TaskStore} and {@link CaseFile}), so a batch costs a few store commands whatever its size.
 */
@Order(2)
@Component
class TaskCaseEvents implements CaseEventHandler {

    private final TaskLifecycle lifecycle;
    private final CaseFile cases;
    private final TaskStore store;

    TaskCaseEvents(TaskLifecycle lifecycle, CaseFile cases, TaskStore store) {
        this.lifecycle = lifecycle;
        this.cases = cases;
        this.store = store;
    }

    @Override
    public CaseEventHandler forBatch(List<CaseEvent> batch) {
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
        cases.openBatch(touched);
        try {
            store.openBatch(touched, possibleTasks);
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
