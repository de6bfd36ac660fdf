package dk.servicepuls.platform.ingest;

import java.time.Clock;
import java.time.Instant;

import dk.servicepuls.platform.retention.DepartmentScope;
import dk.servicepuls.platform.retention.ExpiredData;
import dk.servicepuls.platform.retention.RetentionKind;

/**
 * The ingest store's retention of events that name no case (a contact, an answer or a complaint about no case in
 * particular): their notes, comments and texts go when their period has run, their keys stay.
 */
class UnlinkedEventsRetention implements ExpiredData {

    private final IngestedEvents store;
    private final Clock clock;

    UnlinkedEventsRetention(IngestedEvents store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.UNLINKED;
    }

    @Override
    public long eraseBefore(DepartmentScope scope, Instant cutoff, int limit) {
        return store.eraseUnlinkedBefore(scope, cutoff, limit, clock.instant());
    }
}
