package dk.servicepuls.escalation.tasks;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.escalation.caseevents.CaseEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Hands each decision.pending from contact.events to the task decisions; the other events do not concern them yet. */
@Component
class DecisionPendingHandler implements CaseEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DecisionPendingHandler.class);

    private final ProactiveCallTasks tasks;

    DecisionPendingHandler(ProactiveCallTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void on(CaseEvent event) {
        if (event.type() != EventType.DECISION_PENDING) {
            return;
        }
        PendingDecision pending = new PendingDecision(event.source(), event.id(), event.department(), event.caseId(),
                event.data(DecisionPending.class));
        ProactiveCallTasks.Outcome outcome = tasks.on(pending);
        log.debug("decision.pending id={} source={}: {}", event.id(), event.source(), outcome);
    }
}
