package dk.servicepuls.platform.ingest;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;

/**
 * The ingest store's part of an erasure: the events of the party's cases and those that name the party. Where the
 * cases are erased without naming a party (retention), a party left with no case here has its kept reference
 * forgotten too: nothing is kept of someone the store no longer holds anything of.
 */
class IngestedEventsEraser implements PartyDataEraser {

    private final IngestedEvents store;
    private final String collection;
    private final PartyReferenceTable references;
    private final Clock clock;

    IngestedEventsEraser(IngestedEvents store, String collection, PartyReferenceTable references, Clock clock) {
        this.store = store;
        this.collection = collection;
        this.references = references;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        Set<String> parties = request.partyRefs().isEmpty() && !request.cases().isEmpty()
                ? store.partiesOf(request.department(), request.cases()) : Set.of();
        Map<String, Long> erased = new TreeMap<>(Map.of(collection, store.erase(request.department(),
                request.partyRefs(), request.cases(), clock.instant())));
        if (!parties.isEmpty()) {
            Set<String> without = new HashSet<>(parties);
            without.removeAll(store.stillWithACase(request.department(), parties));
            erased.put(PartyReferenceTable.COLLECTION, references.forget(without));
        }
        return erased;
    }
}
