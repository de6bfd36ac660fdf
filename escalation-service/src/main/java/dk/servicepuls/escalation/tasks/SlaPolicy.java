package dk.servicepuls.escalation.tasks;

import java.time.Instant;

import dk.servicepuls.escalation.tasks.sla.WorkingDays;
import org.springframework.stereotype.Component;

/** The SLA of a proactive call in working days: when it is due, and when an overdue call climbs the ladder. */
@Component
class SlaPolicy {

    private final WorkingDays workingDays;
    private final TasksProperties properties;

    SlaPolicy(TasksProperties properties) {
        this.workingDays = properties.calendar().workingDays();
        this.properties = properties;
    }

    /** A call before a decision is due the lead time before the decision goes out. */
    Instant dueBeforeDecision(Instant decisionDueAt) {
        return workingDays.minus(decisionDueAt, properties.leadWorkingDays());
    }

    /** A call prompted by complaint intent in a comment is due within the configured working days. */
    Instant dueAfterComplaintIntent(Instant noticedAt) {
        return workingDays.plus(noticedAt, properties.complaintIntentWorkingDays());
    }

    /** The team lead gets an overdue task at once; the department head once it is still open some days later. */
    Instant departmentHeadEscalationAt(Instant dueAt) {
        return workingDays.plus(dueAt, properties.escalation().departmentHeadAfterWorkingDays());
    }
}
