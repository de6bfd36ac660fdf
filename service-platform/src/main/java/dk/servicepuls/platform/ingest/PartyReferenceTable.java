package dk.servicepuls.platform.ingest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;
import dk.servicepuls.platform.privacy.KeptReferences;
import dk.servicepuls.platform.store.InsertOnce;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The table of kept party references ({@code party_refs}): one document per party and department, keyed by the
 * computed reference (the handle), holding the random reference that is published. Both are unique keys, so a
 * lookup and an erasure are key lookups on any store. A batch's parties are looked up and made in one read and one
 * write ({@link #prepare}), and a bounded cache spares the store a read per event; an erasure
 * empties this instance's entries at once, and another instance's cached entry ages out within
 * {@link #CACHED_FOR}, in which time it could still give a new case of the erased party its old reference.
 */
class PartyReferenceTable implements KeptReferences, PartyDataEraser {

    static final String COLLECTION = "party_refs";
    static final Duration CACHED_FOR = Duration.ofMinutes(10);
    private static final int REFERENCE_BYTES = 32;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, String> cached = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(CACHED_FOR).build();

    PartyReferenceTable(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("ref", Sort.Direction.ASC).unique().named("ref"));
    }

    @Override
    public String referenceFor(String handle) {
        String known = cached.getIfPresent(handle);
        return known != null ? known : findOrMake(List.of(handle)).get(handle);
    }

    @Override
    public void prepare(Collection<String> handles) {
        findOrMake(handles.stream().filter(handle -> cached.getIfPresent(handle) == null).distinct().toList());
    }

    /** The references of the handles, those not kept yet made now, in one read and one write; all cached. */
    private Map<String, String> findOrMake(List<String> handles) {
        if (handles.isEmpty()) {
            return Map.of();
        }
        Map<String, String> references = stored(handles);
        List<Document> made = new ArrayList<>();
        Instant now = clock.instant();
        for (String handle : handles) {
            if (!references.containsKey(handle)) {
                made.add(new Document("_id", handle).append("ref", HexFormat.of().formatHex(next())).append("since", now));
            }
        }
        InsertOnce.Result inserted = InsertOnce.insert(mongo.getCollection(COLLECTION), made);
        if (inserted.failure() != null) {
            throw inserted.failure();
        }
        inserted.storedOf(made).forEach(document -> references.put(document.getString("_id"), document.getString("ref")));
        // another instance made the rest first: theirs are the references
        references.putAll(stored(handles.stream().filter(handle -> !references.containsKey(handle)).toList()));
        cached.putAll(references);
        return references;
    }

    private Map<String, String> stored(List<String> handles) {
        Map<String, String> found = new HashMap<>();
        if (!handles.isEmpty()) {
            for (Document document : mongo.find(Query.query(Criteria.where("_id").in(handles)), Document.class,
                    COLLECTION)) {
                found.put(document.getString("_id"), document.getString("ref"));
            }
        }
        return found;
    }

    private byte[] next() {
        byte[] bytes = new byte[REFERENCE_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Forgets the party's references: what the topics hold under them can no longer be traced to the party. */
    @Override
    public Map<String, Long> erase(ErasureRequest request) {
        return request.partyRefs().isEmpty() ? Map.of() : Map.of(COLLECTION, forget(request.partyRefs()));
    }

    /** @return how many of the references were kept and are forgotten now */
    long forget(Set<String> references) {
        if (references.isEmpty()) {
            return 0;
        }
        cached.asMap().values().removeIf(references::contains);
        return mongo.remove(Query.query(Criteria.where("ref").in(references)), COLLECTION).getDeletedCount();
    }
}
