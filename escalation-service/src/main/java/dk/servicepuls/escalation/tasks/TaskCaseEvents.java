package dk.servicepuls.escalation.tasks;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.escalation.caseevents.CaseEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a case's events mean for its tasks: who the case belongs to, an unfavourable decision ahead, a decision made,
 * a case closed or handed off. Feedback and contacts do not move a task; they reach the tasks through the risk.
 */
@Component
class TaskCaseEvents implements CaseEventHandler {

    private static final Logger log = LoggerFactory.getLogger(TaskCaseEvents.class);

    private final ProactiveCallTasks tasks;
    private final TaskLifecycle lifecycle;
    private final CaseFile cases;

    TaskCaseEvents(ProactiveCallTasks tasks, TaskLifecycle lifecycle, CaseFile cases) {
        this.tasks = tasks;
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
                ProactiveCallTasks.Outcome outcome = tasks.on(new PendingDecision(event.source(), event.id(),
                        event.department(), event.caseId(), event.data(DecisionPending.class)));
                log.debug("decision.pending id={} source={}: {}", event.id(), event.source(), outcome);
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
