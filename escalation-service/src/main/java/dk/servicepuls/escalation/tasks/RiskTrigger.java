package dk.servicepuls.escalation.tasks;

import dk.servicepuls.escalation.risk.CaseRiskAssessed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands every risk assessment to the task decisions. Runs on the consumer thread that assessed the case, so a
 * failure here makes the binder redeliver the event; the assessment is idempotent and the task id stable, so the
 * retry creates the task once.
 */
@Component
class RiskTrigger {

    private static final Logger log = LoggerFactory.getLogger(RiskTrigger.class);

    private final ProactiveCallTasks tasks;

    RiskTrigger(ProactiveCallTasks tasks) {
        this.tasks = tasks;
    }

    @EventListener
    void on(CaseRiskAssessed assessed) {
        tasks.on(assessed).ifPresent(outcome -> log.debug("risk {} ({}) of a case in {}: {}", assessed.score(),
                assessed.level(), assessed.department(), outcome));
    }
}
