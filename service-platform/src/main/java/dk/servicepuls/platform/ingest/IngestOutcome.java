package dk.servicepuls.platform.ingest;

import java.util.List;

import dk.servicepuls.platform.cloudevents.EventRef;
import dk.servicepuls.platform.cloudevents.Violation;

/** The answer to one ingested event. A repeat of an accepted event is accepted again, with the same answer. */
public record IngestOutcome(EventRef event, boolean accepted, List<Violation> violations) {

    static IngestOutcome accepted(EventRef event) {
        return new IngestOutcome(event, true, List.of());
    }

    static IngestOutcome rejected(EventRef event, List<Violation> violations) {
        return new IngestOutcome(event, false, violations);
    }
}
