package dk.servicepuls.platform.ingest;

import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.platform.store.InsertOnce;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The store of ingested events: insert once per (source, id), and read a case's events in time order. */
public class IngestedEvents {

    private final MongoTemplate mongo;
    private final String collection;

    public IngestedEvents(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        mongo.indexOps(collection).createIndex(new Index().on("department", Sort.Direction.ASC)
                .on("subject", Sort.Direction.ASC).on("time", Sort.Direction.ASC).named("case_timeline"));
    }

    /**
     * Stores the events in one unordered bulk write. An event whose (source, id) is stored already is a repeat and
     * left as it was.
     */
    Insert insertNew(List<IngestedEvent> events) {
        List<Document> documents = new ArrayList<>(events.size());
        for (IngestedEvent event : events) {
            Document document = new Document();
            mongo.getConverter().write(event, document);
            documents.add(document);
        }
        InsertOnce.Result result = InsertOnce.insert(mongo.getCollection(collection), documents);
        return new Insert(result.storedOf(documents).stream().map(document -> document.get("_id")).toList(),
                result.failure());
    }

    /**
     * @param stored  the stored keys of the events stored now, in the order given: what the relay has to publish
     * @param failure why others were neither stored nor repeats, or {@code null}
     */
    record Insert(List<Object> stored, DataAccessException failure) {
    }

    /** The case's events in the order they happened; events with the same time in the order they arrived. */
    public List<IngestedEvent> caseTimeline(String department, String caseId) {
        Query query = Query.query(Criteria.where("department").is(department).and("subject").is(caseId))
                .with(Sort.by("time", "receivedAt"));
        query.fields().exclude("outbox");
        return mongo.find(query, IngestedEvent.class, collection);
    }
}
