package dk.servicepuls.contact.retention;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.platform.ingest.IngestedEvents;
import dk.servicepuls.platform.retention.ClosedCases;
import dk.servicepuls.platform.retention.DepartmentScope;
import org.springframework.stereotype.Component;

/** The closed cases as the ingested {@code case.closed} events say. */
@Component
class ClosedCaseEvents implements ClosedCases {

    private final IngestedEvents events;

    ClosedCaseEvents(IngestedEvents events) {
        this.events = events;
    }

    @Override
    public List<ClosedCase> closedBefore(DepartmentScope scope, Instant cutoff, int limit) {
        return events.closedBefore(scope, cutoff, limit);
    }
}
