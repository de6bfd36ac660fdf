package dk.servicepuls.escalation.tasks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.DecisionPending;
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
 * A batch's cases and their active tasks are read in two queries before its first event, and what the events say of
 * the cases goes out in bulk (see {@link CaseFile} and {@link TaskStore}), so an event costs a store round trip only
 * where it changes a task.
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
        for (CaseEvent event : batch) {
            if (event.caseId() == null || event.department() == null) {
                continue;
            }
            touched.add(new CaseKey(event.department(), event.caseId()));
            CaseTransferred transferred = event.data(CaseTransferred.class);
            if (transferred != null && transferred.toDepartment() != null) {
                touched.add(new CaseKey(transferred.toDepartment(), event.caseId()));
            }
        }
        cases.openBatch(touched);
        try {
            store.openBatch(touched);
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
                try {
                    cases.closeBatch();
                }
                finally {
                    store.closeBatch();
                }
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
