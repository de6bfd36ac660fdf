package dk.servicepuls.platform.ingest;

import java.util.List;

import dk.servicepuls.platform.cloudevents.EventRef;
import dk.servicepuls.platform.cloudevents.Violation;

/**
 * The answer to one ingested event. A repeat of an accepted event is accepted again, with the same answer.
 *
 * @param dropped pointers of the fields of an accepted event that were not kept because their names say they hold
 *        personal data
 * @param forbidden a valid event that its sender may not publish (another department's, or a source outside its own);
 *        answered 403, not 400
 */
public record IngestOutcome(EventRef event, boolean accepted, List<Violation> violations, List<String> dropped,
        boolean forbidden) {

    static IngestOutcome accepted(EventRef event, List<String> dropped) {
        return new IngestOutcome(event, true, List.of(), dropped, false);
    }

    static IngestOutcome rejected(EventRef event, List<Violation> violations) {
        return new IngestOutcome(event, false, violations, List.of(), false);
    }

    static IngestOutcome forbidden(EventRef event, Violation reason) {
        return new IngestOutcome(event, false, List.of(reason), List.of(), true);
    }
}
