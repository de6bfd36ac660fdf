package dk.servicepuls.platform.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.retention.ClosedCases;
import dk.servicepuls.platform.retention.DepartmentScope;
import dk.servicepuls.platform.store.InsertOnce;
import dk.servicepuls.platform.store.MappedDocuments;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The store of ingested events: insert once per (source, id), and read a case's events in time order. */
public class IngestedEvents {

    private static final String PARTY_REF = "data.party.ref";
    private static final String PARTY_FORMER_REF = "data.party.formerRef";

    private final MongoTemplate mongo;
    private final String collection;

    public IngestedEvents(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        mongo.indexOps(collection).createIndex(new Index().on("department", Sort.Direction.ASC)
                .on("subject", Sort.Direction.ASC).on("time", Sort.Direction.ASC).named("case_timeline"));
        // the retention job's question: which cases closed before a moment
        mongo.indexOps(collection).createIndex(new Index().on("type", Sort.Direction.ASC).on("time", Sort.Direction.ASC)
                .named("closed_cases").partial(PartialIndexFilter.of(Criteria.where("type")
                        .is(EventType.CASE_CLOSED.type()))));
        // only an erasure asks for a party's cases; the embedded store ignores the index and scans then
        mongo.indexOps(collection).createIndex(new Index().on("department", Sort.Direction.ASC)
                .on(PARTY_REF, Sort.Direction.ASC).named("party_cases")
                .partial(PartialIndexFilter.of(Criteria.where(PARTY_REF).exists(true))));
    }

    /** Those of the keys that are stored already (their events published before they were stored): one key lookup. */
    Set<IngestedEvent.Key> stored(Collection<IngestedEvent.Key> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        // each key as the converter stores it, so that the lookup matches field for field
        List<Object> ids = keys.stream().map(key -> mongo.getConverter().convertToMongoType(key)).toList();
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        Set<IngestedEvent.Key> stored = new HashSet<>();
        for (Document found : mongo.find(query, Document.class, collection)) {
            if (found.get("_id") instanceof Document id) {
                stored.add(mongo.getConverter().read(IngestedEvent.Key.class, id));
            }
        }
        return stored;
    }

    /**
     * Stores the events, as published, in one unordered bulk write. An event whose (source, id) is stored already is
     * a repeat and left as it was.
     *
     * @throws DataAccessException why some were neither stored nor repeats; the others are stored
     */
    void insertNew(List<IngestedEvent> events) {
        List<Document> documents = new ArrayList<>(events.size());
        for (IngestedEvent event : events) {
            documents.add(MappedDocuments.of(mongo.getConverter(), event.published()));
        }
        DataAccessException failure = InsertOnce.insert(mongo.getCollection(collection), documents).failure();
        if (failure != null) {
            throw failure;
        }
    }

    /** The case's events in the order they happened; events with the same time in the order they arrived. */
    public List<IngestedEvent> caseTimeline(String department, String caseId) {
        Query query = Query.query(Criteria.where("department").is(department).and("subject").is(caseId))
                .with(Sort.by("time", "receivedAt"));
        query.fields().exclude("outbox");
        return mongo.find(query, IngestedEvent.class, collection);
    }

    /** The cases opened for the party (under any of its references) in the department, erased ones left out. */
    List<String> casesOf(String department, Set<String> partyRefs) {
        Query query = Query.query(Criteria.where("department").is(department).and("type")
                .is(EventType.CASE_OPENED.type()).orOperator(Criteria.where(PARTY_REF).in(partyRefs),
                        Criteria.where(PARTY_FORMER_REF).in(partyRefs)));
        query.fields().include("subject");
        return mongo.find(query, Document.class, collection).stream().map(document -> document.getString("subject"))
                .filter(subject -> subject != null).distinct().toList();
    }

    /**
     * Leaves of each event of the cases, and of each event that names the party, only its key, type and times:
     * the key stays so that a redelivery is still known as a repeat. The cases' other events go first and the events
     * that name the party last, so that an erasure cut off halfway still finds the cases when it runs again.
     *
     * @return how many events it erased
     */
    long erase(String department, Set<String> partyRefs, Collection<String> cases, Instant erasedAt) {
        Update tombstone = tombstone(erasedAt);
        long erased = 0;
        if (!cases.isEmpty()) {
            erased += mongo.updateMulti(Query.query(Criteria.where("department").is(department).and("subject").in(cases)
                    .and("type").ne(EventType.CASE_OPENED.type())), tombstone, collection).getModifiedCount();
        }
        List<Criteria> ofTheParty = new ArrayList<>(List.of(Criteria.where(PARTY_REF).in(partyRefs),
                Criteria.where(PARTY_FORMER_REF).in(partyRefs)));
        if (!cases.isEmpty()) {
            ofTheParty.add(Criteria.where("subject").in(cases));
        }
        erased += mongo.updateMulti(Query.query(Criteria.where("department").is(department)
                .orOperator(ofTheParty.toArray(Criteria[]::new))), tombstone, collection).getModifiedCount();
        return erased;
    }

    /**
     * The cases of the scope whose {@code case.closed} happened before {@code cutoff} and whose events are still
     * kept (an erased case's closing is a tombstone without its case id), at most {@code limit}.
     */
    public List<ClosedCases.ClosedCase> closedBefore(DepartmentScope scope, Instant cutoff, int limit) {
        Query query = Query.query(Criteria.where("type").is(EventType.CASE_CLOSED.type()).and("time").lt(cutoff)
                .and("subject").ne(null).andOperator(scope.criteria("department"))).limit(limit);
        query.fields().include("department", "subject");
        return mongo.find(query, Document.class, collection).stream()
                .map(found -> new ClosedCases.ClosedCase(found.getString("department"), found.getString("subject")))
                .distinct().toList();
    }

    /**
     * Leaves of the events of the scope that name no case and happened before {@code cutoff} only their key, type
     * and times, as an erasure does; at most {@code limit}. Erasure requests stay: they are the department's record.
     *
     * @return how many it erased
     */
    long eraseUnlinkedBefore(DepartmentScope scope, Instant cutoff, int limit, Instant erasedAt) {
        Query expired = Query.query(Criteria.where("subject").is(null).and("time").lt(cutoff).and("data").exists(true)
                .and("type").ne(EventType.PARTY_ERASURE_REQUESTED.type()).andOperator(scope.criteria("department")))
                .limit(limit);
        expired.fields().include("_id");
        List<Object> keys = mongo.find(expired, Document.class, collection).stream().map(found -> found.get("_id")).toList();
        if (keys.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(keys)), tombstone(erasedAt), collection)
                .getModifiedCount();
    }

    /** What an erased event keeps: its key (a redelivery is still a repeat), type and times; not what it said. */
    private static Update tombstone(Instant erasedAt) {
        return new Update().unset("data").unset("subject").set("erasedAt", erasedAt);
    }

    /** The references of the parties the cases were opened for. */
    Set<String> partiesOf(String department, Collection<String> cases) {
        return refsOf(Query.query(Criteria.where("department").is(department).and("subject").in(cases)
                .and("type").is(EventType.CASE_OPENED.type())));
    }

    /** Those of the references that still have a case kept here. */
    Set<String> stillWithACase(String department, Set<String> partyRefs) {
        return refsOf(Query.query(Criteria.where("department").is(department).and(PARTY_REF).in(partyRefs)
                .and("type").is(EventType.CASE_OPENED.type())));
    }

    private Set<String> refsOf(Query query) {
        query.fields().include(PARTY_REF);
        Set<String> refs = new HashSet<>();
        for (Document found : mongo.find(query, Document.class, collection)) {
            if (found.get("data") instanceof Document data && data.get("party") instanceof Document party
                    && party.get("ref") instanceof String ref) {
                refs.add(ref);
            }
        }
        return refs;
    }
}
