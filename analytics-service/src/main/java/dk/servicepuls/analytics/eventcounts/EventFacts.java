package dk.servicepuls.analytics.eventcounts;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;


import dk.servicepuls.platform.store.InsertOnce;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code event_facts} collection: one document per (source, id), which is its primary key, so the insert itself
 * tells a first delivery from a repeat.
 */
@Component
class EventFacts {

    static final String COLLECTION = "event_facts";

    record Count(String type, String department, long count) {
    }

    private final MongoTemplate mongo;

    EventFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the facts in one unordered bulk write; a fact whose (source, id) is stored already is a redelivery.
     * The result's stored facts must be counted even when it carries a failure: delivered again, they are repeats.
     */
    InsertOnce.Result insertOnce(List<EventFact> batch) {
        List<Document> documents = new ArrayList<>(batch.size());
        for (EventFact fact : batch) {
            documents.add(new Document("_id", new Document("source", fact.source()).append("id", fact.id()))
                    .append("type", fact.type())
                    .append("department", fact.department())
                    .append("time", fact.time() == null ? null : Date.from(fact.time())));
        }
        return InsertOnce.insert(mongo.getCollection(COLLECTION), documents);
    }

    /** How many events of each type each department has had, over everything ever stored. */
    List<Count> countsByTypeAndDepartment() {
        Document byTypeAndDepartment = new Document("$group",
                new Document("_id", new Document("type", "$type").append("department", "$department"))
                        .append("count", new Document("$sum", 1)));
        List<Count> counts = new ArrayList<>();
        mongo.getCollection(COLLECTION).aggregate(List.of(byTypeAndDepartment)).forEach(group -> counts.add(count(group)));
        return counts;
    }

    private static Count count(Document group) {
        Document key = group.get("_id", Document.class);
        return new Count(key.getString("type"), key.getString("department"), ((Number) group.get("count")).longValue());
    }
}
