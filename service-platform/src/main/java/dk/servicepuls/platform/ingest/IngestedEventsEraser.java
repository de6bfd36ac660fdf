package dk.servicepuls.platform.ingest;

import java.time.Clock;
import java.util.Map;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;

/** The ingest store's part of an erasure: the events of the party's cases and those that name the party. */
class IngestedEventsEraser implements PartyDataEraser {

    private final IngestedEvents store;
    private final String collection;
    private final Clock clock;

    IngestedEventsEraser(IngestedEvents store, String collection, Clock clock) {
        this.store = store;
        this.collection = collection;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        return Map.of(collection, store.erase(request.department(), request.partyRefs(), request.cases(),
                clock.instant()));
    }
}
