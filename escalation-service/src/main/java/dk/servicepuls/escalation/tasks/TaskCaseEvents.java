package dk.servicepuls.escalation.tasks;

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
 */
@Order(2)
@Component
class TaskCaseEvents implements CaseEventHandler {

    private final TaskLifecycle lifecycle;
    private final CaseFile cases;

    TaskCaseEvents(TaskLifecycle lifecycle, CaseFile cases) {
        this.lifecycle = lifecycle;
        this.cases = cases;
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
