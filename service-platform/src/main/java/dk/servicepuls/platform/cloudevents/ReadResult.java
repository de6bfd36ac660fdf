package dk.servicepuls.platform.cloudevents;

import java.util.List;

import io.cloudevents.CloudEvent;

/** An event as read off the wire: either a CloudEvent the SDK accepted, or the reasons it could not be read. */
public sealed interface ReadResult {

    EventRef ref();

    record Readable(CloudEvent event) implements ReadResult {
        @Override
        public EventRef ref() {
            return new EventRef(event.getSource().toString(), event.getId(), event.getType());
        }
    }

    record Unreadable(EventRef ref, List<Violation> violations) implements ReadResult {
        public Unreadable {
            violations = List.copyOf(violations);
        }
    }
}
