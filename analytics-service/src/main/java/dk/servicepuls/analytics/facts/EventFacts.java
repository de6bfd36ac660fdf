package dk.servicepuls.analytics.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dk.servicepuls.platform.store.InsertOnce;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code event_facts} collection: one document per (source, id), which is its primary key, so the insert itself
 * tells a first delivery from a repeat. The facts are analytics' truth; every view (counts, KPIs) is rebuilt from them
 * at start, and the facts themselves from the topics (replay).
 */
@Component
public class EventFacts {

    public static final String COLLECTION = "event_facts";

    /** Facts read back at start are handed on in slices of this many. */
    static final int READ_BATCH = 1_000;

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
            documents.add(document(fact));
        }
        return InsertOnce.insert(mongo.getCollection(COLLECTION), documents);
    }

    /** Every stored fact, in slices, in the order the store gives them (not by time). */
    public void readAll(Consumer<List<EventFact>> slices) {
        List<EventFact> slice = new ArrayList<>(READ_BATCH);
        for (Document stored : mongo.getCollection(COLLECTION).find().batchSize(READ_BATCH)) {
            slice.add(fact(stored));
            if (slice.size() == READ_BATCH) {
                slices.accept(List.copyOf(slice));
                slice.clear();
            }
        }
        if (!slice.isEmpty()) {
            slices.accept(List.copyOf(slice));
        }
    }

    static Document document(EventFact fact) {
        Document values = new Document();
        fact.values().forEach((name, value) -> values.append(name, value instanceof Instant instant ? Date.from(instant) : value));
        Document document = new Document("_id", new Document("source", fact.source()).append("id", fact.id()))
                .append("type", fact.type())
                .append("department", fact.department())
                .append("time", fact.time() == null ? null : Date.from(fact.time()));
        if (fact.caseKey() != null) {
            document.append("case", fact.caseKey());
        }
        if (!values.isEmpty()) {
            document.append("v", values);
        }
        return document;
    }

    static EventFact fact(Document stored) {
        Document key = stored.get("_id", Document.class);
        Map<String, Object> values = new HashMap<>();
        Document storedValues = stored.get("v", Document.class);
        if (storedValues != null) {
            storedValues.forEach((name, value) -> {
                if (value instanceof Date date) {
                    values.put(name, date.toInstant());
                }
                else if (value instanceof List<?> list) {
                    values.put(name, list.stream().map(String::valueOf).toList());
                }
                else if (value instanceof Number number) {
                    values.put(name, number.doubleValue());
                }
                else if (value != null) {
                    values.put(name, value);
                }
            });
        }
        Date time = stored.getDate("time");
        return new EventFact(key.getString("source"), key.getString("id"), stored.getString("type"),
                stored.getString("department"), time == null ? null : time.toInstant(), stored.getString("case"), values);
    }
}
