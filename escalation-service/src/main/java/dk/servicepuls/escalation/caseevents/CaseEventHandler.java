package dk.servicepuls.escalation.caseevents;

import java.util.List;

/**
 * What a feature implements to follow the cases. Called on the consumer thread, in the order a case's events arrive;
 * one consumer takes contact.events and feedback.events, so within an instance a case's events come on one thread
 * (another instance may have them during a rebalance). Delivery is at least once: a handler recognises a repeat by
 * the event's ({@code source}, {@code id}). Throwing makes the binder retry the record and then park it on the
 * dead-letter topic.
 */
public interface CaseEventHandler {

    void on(CaseEvent event);

    /**
     * Called for every feature with a batch before any feature's {@link #forBatch} of it, so that a feature can start
     * reading what the batch needs while the features before it work; {@link #forBatch} of the same list follows on
     * this thread unless an earlier feature's failed. By default nothing is read ahead.
     */
    default void prepare(List<CaseEvent> batch) {
    }

    /**
     * Called once per batch before any of its events is handed on, with all of them in their order; returns the
     * handler the batch's events then go to one by one, each event to every feature before the next event. A feature
     * that can read and write a whole batch's cases at once does that here and hands on, per event, what it worked
     * out; the default handles each event on its own. Throwing here makes the binder retry the whole batch.
     */
    default CaseEventHandler forBatch(List<CaseEvent> batch) {
        return this;
    }

    /**
     * Called on the handler {@link #forBatch} returned once the batch's events were handed on, or once one of them
     * failed: writes what the handler kept back for the end of the batch and lets go of the batch. Throwing here
     * makes the binder retry the whole batch.
     */
    default void endBatch() {
    }
}
