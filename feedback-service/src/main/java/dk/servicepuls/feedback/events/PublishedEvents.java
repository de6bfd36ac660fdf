package dk.servicepuls.feedback.events;

import java.util.List;

import io.cloudevents.CloudEvent;

/** A feature that takes the platform's published events, a poll at a time, in order. */
public interface PublishedEvents {

    /** The events of one poll of {@code topic}; a failure makes the binder deliver the batch again. */
    void on(String topic, List<CloudEvent> events);
}
