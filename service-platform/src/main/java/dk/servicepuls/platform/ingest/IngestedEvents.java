package dk.servicepuls.platform.ingest;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
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

    /** @return false when an event with the same (source, id) is already stored: a repeat */
    boolean insertIfAbsent(IngestedEvent event) {
        try {
            mongo.insert(event, collection);
            return true;
        }
        catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    /** The case's events in the order they happened; events with the same time in the order they arrived. */
    public List<IngestedEvent> caseTimeline(String department, String caseId) {
        Query query = Query.query(Criteria.where("department").is(department).and("subject").is(caseId))
                .with(Sort.by("time", "receivedAt"));
        query.fields().exclude("outbox");
        return mongo.find(query, IngestedEvent.class, collection);
    }
}
