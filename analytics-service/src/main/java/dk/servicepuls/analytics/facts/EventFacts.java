package dk.servicepuls.analytics.facts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.retention.DepartmentScope;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Analytics' truth, every view (counts, KPIs, gauges) is rebuilt from it at start, and it from the topics (replay).
 * A poll's new facts are stored as one page document ({@code fact_pages}: {@code _id}, {@code at}, {@code facts}), so
 * that a batch costs one write whatever its size: with one document per fact, the embedded store's index upkeep
 * capped a replay at about 4,700 facts/s. Which facts are stored already, to tell a first delivery from a repeat, is
 * kept in memory as a 128-bit key per fact (source and id), claimed before the page is written and released if the
 * write fails, rebuilt from the pages at start; the views hold every fact anyway. Pages of the old one-document-per-fact
 * collection ({@code event_facts}) are read at start too, so a data folder from before keeps its history.
 * <p>
 * One instance owns its store: analytics scales by replicas that each have a store and a consumer group of their own
 * (each a complete view), not by sharing a group, so no other writer adds facts this instance has not seen.
 */
@Component
public class EventFacts {

    public static final String COLLECTION = "fact_pages";
    static final String ONE_PER_FACT = "event_facts";

    /** Facts read back at start are handed on in slices of this many; a page holds at most this many. */
    static final int READ_BATCH = 1_000;
    /** Where a page keeps its facts' case keys, for an erasure's search. */
    private static final String PAGE_CASES = "facts.case";
    /** Marks a fact taken off its page by an erasure or retention: its source and id stay, nothing else. */
    private static final String ERASED = "erased";

    private final MongoTemplate mongo;
    private final Set<FactKey> stored = ConcurrentHashMap.newKeySet();

    EventFacts(MongoTemplate mongo) {
        this.mongo = mongo;
        // serves an erasure's search for a case's facts on real MongoDB; the embedded store scans then
        mongo.indexOps(COLLECTION).createIndex(new Index().on(PAGE_CASES, Sort.Direction.ASC).named("fact_cases"));
        // the retention job's question: which cases closed before a moment
        mongo.indexOps(COLLECTION).createIndex(new Index().on("facts.type", Sort.Direction.ASC)
                .on("facts.time", Sort.Direction.ASC).named("closed_cases"));
    }

    /**
     * Takes the facts of these cases off their pages, leaving of each only its source and id, so that a redelivery of
     * its event is still known as a repeat and not counted again.
     *
     * @return how many facts it took off
     */
    long erase(Set<String> caseKeys) {
        if (caseKeys.isEmpty()) {
            return 0;
        }
        long erased = 0;
        for (Document page : mongo.getCollection(COLLECTION).find(Filters.in(PAGE_CASES, caseKeys))) {
            List<Document> kept = new ArrayList<>();
            for (Document fact : page.getList("facts", Document.class)) {
                if (caseKeys.contains(fact.getString("case"))) {
                    kept.add(new Document("source", fact.getString("source")).append("id", fact.getString("id"))
                            .append(ERASED, true));
                    erased++;
                }
                else {
                    kept.add(fact);
                }
            }
            mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", page.get("_id")), Updates.set("facts", kept));
        }
        return erased;
    }

    /**
     * The keys of the cases of the scope whose {@code case.closed} happened before {@code cutoff}, as far as their
     * facts are still kept; at most {@code limit}.
     */
    Set<String> closedBefore(DepartmentScope scope, Instant cutoff, int limit) {
        Set<String> keys = new LinkedHashSet<>();
        String closed = EventType.CASE_CLOSED.type();
        for (Document page : mongo.getCollection(COLLECTION).find(Filters.elemMatch("facts", Filters.and(
                Filters.eq("type", closed), Filters.lt("time", Date.from(cutoff)))))) {
            for (Document fact : page.getList("facts", Document.class)) {
                Date time = fact.getDate("time");
                if (closed.equals(fact.getString("type")) && time != null && time.toInstant().isBefore(cutoff)
                        && fact.getString("case") != null && scope.includes(fact.getString("department"))) {
                    keys.add(fact.getString("case"));
                    if (keys.size() == limit) {
                        return keys;
                    }
                }
            }
        }
        return keys;
    }

    /** A fact's identity in 16 bytes: a name-based UUID of its source and id. */
    record FactKey(long high, long low) {

        static FactKey of(EventFact fact) {
            return of(fact.source(), fact.id());
        }

        static FactKey of(String source, String id) {
            UUID uuid = UUID.nameUUIDFromBytes((source + '\n' + id).getBytes(StandardCharsets.UTF_8));
            return new FactKey(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        }
    }

    /**
     * Stores the facts not stored before (nor earlier in the batch) as pages, and returns them; the rest are repeats.
     *
     * @throws DataAccessException when a page could not be written: then none of the batch counts as stored, and the
     *                             poll is to be retried
     */
    List<EventFact> storeNew(List<EventFact> batch) {
        List<EventFact> fresh = new ArrayList<>(batch.size());
        List<FactKey> claimed = new ArrayList<>(batch.size());
        for (EventFact fact : batch) {
            FactKey key = FactKey.of(fact);
            if (stored.add(key)) {
                fresh.add(fact);
                claimed.add(key);
            }
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        try {
            List<Document> pages = new ArrayList<>();
            Date at = new Date();
            for (int from = 0; from < fresh.size(); from += READ_BATCH) {
                List<Document> facts = fresh.subList(from, Math.min(fresh.size(), from + READ_BATCH)).stream()
                        .map(EventFacts::document).toList();
                pages.add(new Document("_id", new ObjectId()).append("at", at).append("facts", facts));
            }
            mongo.getCollection(COLLECTION).insertMany(pages);
        }
        catch (RuntimeException notStored) {
            claimed.forEach(stored::remove);
            DataAccessException translated = notStored instanceof MongoException mongoException
                    ? mongo.getExceptionTranslator().translateExceptionIfPossible(mongoException) : null;
            throw translated != null ? translated : notStored;
        }
        return fresh;
    }

    /** How many distinct facts are stored. */
    public long stored() {
        return stored.size();
    }

    /**
     * Every stored fact once, in slices, in the order the store gives them (not by time); marks them as stored. A fact
     * on two pages (a write the store made but did not confirm, then made again) is handed on once.
     */
    public void readAll(Consumer<List<EventFact>> slices) {
        List<EventFact> slice = new ArrayList<>(READ_BATCH);
        Set<FactKey> handedOn = new HashSet<>();
        Consumer<EventFact> once = fact -> {
            FactKey key = FactKey.of(fact);
            stored.add(key);
            if (handedOn.add(key)) {
                slice.add(fact);
                if (slice.size() == READ_BATCH) {
                    slices.accept(List.copyOf(slice));
                    slice.clear();
                }
            }
        };
        for (Document legacy : mongo.getCollection(ONE_PER_FACT).find().batchSize(READ_BATCH)) {
            once.accept(fact(legacy));
        }
        for (Document page : mongo.getCollection(COLLECTION).find().batchSize(16)) {
            for (Document stored : page.getList("facts", Document.class)) {
                if (stored.getBoolean(ERASED, false)) {
                    this.stored.add(FactKey.of(stored.getString("source"), stored.getString("id")));
                }
                else {
                    once.accept(fact(stored));
                }
            }
        }
        if (!slice.isEmpty()) {
            slices.accept(List.copyOf(slice));
        }
    }

    static Document document(EventFact fact) {
        Document values = new Document();
        fact.values().forEach((name, value) -> values.append(name, value instanceof Instant instant ? Date.from(instant) : value));
        Document document = new Document("source", fact.source()).append("id", fact.id())
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
        // a fact of the old collection has its source and id as its key
        Document key = stored.containsKey("_id") && stored.get("_id") instanceof Document id ? id : stored;
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
