package dk.servicepuls.escalation.caseevents;

/**
 * What a feature implements to follow the cases. Called on the consumer thread of the event's topic, in the order a
 * case's events arrive; contact.events and feedback.events have threads of their own, so one case's handler may run
 * twice at once. Delivery is at least once: a handler recognises a repeat by the event's ({@code source}, {@code id}).
 * Throwing makes the binder retry the record and then park it on the dead-letter topic.
 */
public interface CaseEventHandler {

    void on(CaseEvent event);
}
