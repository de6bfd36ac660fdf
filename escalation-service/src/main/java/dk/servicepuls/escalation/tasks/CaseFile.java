package dk.servicepuls.escalation.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.BulkWriteOptions;
import dk.servicepuls.platform.store.BatchCommit;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the tasks know of a case beyond its tasks ({@code case_info}): the team and caseworker, from case.opened and
 * decision.pending, so a task lands with the right person or team; and the case events that already moved a task.
 * The latter makes a redelivered decision.made or case.closed recognisable even after a later decision.pending
 * has given the case a new task, which the redelivery must leave alone.
 * <p>
 * While a consumer thread handles a batch ({@link #openBatch}), the batch's cases are read in one query and what the
 * events say of them is kept back and written in one bulk write at the end of the batch, or earlier where a task of
 * a case with an event marked handled is about to be written ({@link #hasUnwrittenMarks}, see {@link TaskStore}): a
 * crash must not leave a later task write stored and the earlier event unmarked, or the redelivered event would act
 * on the later task.
 * Only the contact.events thread writes here; another thread's batch may read a case's team a batch late, which
 * only matters for a task created in that very moment.
 */
@Component
class CaseFile {

    static final String COLLECTION = "case_info";
    private static final String HANDLED = "handledEvents";

    /** @param team and @param caseworkerId each {@code null} when not known */
    record CaseInfo(String team, String caseworkerId) {
    }

    private final MongoTemplate mongo;
    private final BatchCommit commit;
    /** Per batch: its cases by {@link #id}. */
    private final ThreadLocal<Map<String, Known>> batch = new ThreadLocal<>();

    CaseFile(MongoTemplate mongo, BatchCommit commit) {
        this.mongo = mongo;
        this.commit = commit;
    }

    /** Opens this thread's batch on its cases as {@link #read} read them. */
    void openBatch(Map<String, Known> read) {
        batch.set(read);
    }

    /** The cases as stored; on any thread. */
    Map<String, Known> read(Collection<CaseKey> cases) {
        Map<String, Known> read = new HashMap<>();
        for (CaseKey key : cases) {
            read.put(key.id(), new Known(key));
        }
        if (!cases.isEmpty()) {
            Query query = Query.query(Criteria.where("_id").in(read.keySet()));
            query.fields().include("team", "caseworkerId", HANDLED);
            for (Document found : mongo.find(query, Document.class, COLLECTION)) {
                read.get(found.getString("_id")).read(found);
            }
        }
        return read;
    }

    /** Writes what the batch kept back and lets go of it; call once the batch is done, also when it failed. */
    void closeBatch() {
        try {
            writeKept();
        }
        finally {
            batch.remove();
        }
    }

    /** Whether this thread's batch has marked an event of the case handled that is not written yet. */
    boolean hasUnwrittenMarks(String department, String caseId) {
        Known known = known(department, caseId);
        return known != null && !known.newlyHandled.isEmpty();
    }

    /**
     * Lets go of the batch without writing what it kept back: for a batch whose task writes were not made, so that
     * no event is marked handled whose step is not stored. Its events come again.
     */
    void abandonBatch() {
        batch.remove();
    }

    /** Writes what this thread's batch has kept back so far, in one bulk write. */
    void writeKept() {
        Map<String, Known> current = batch.get();
        if (current == null) {
            return;
        }
        List<Known> unwritten = current.values().stream().filter(Known::unwritten).toList();
        if (unwritten.isEmpty()) {
            return;
        }
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<UpdateOneModel<Document>> models = unwritten.stream()
                .map(known -> new UpdateOneModel<Document>(Filters.eq("_id", known.key.id()), known.update(), upsert))
                .toList();
        commit.collection(COLLECTION).bulkWrite(models, new BulkWriteOptions().ordered(false));
        unwritten.forEach(Known::written);
    }

    CaseInfo of(String department, String caseId) {
        Known known = known(department, caseId);
        if (known != null) {
            return new CaseInfo(known.team, known.caseworkerId);
        }
        Query query = byCase(department, caseId);
        query.fields().include("team", "caseworkerId");
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found == null ? new CaseInfo(null, null)
                : new CaseInfo(found.getString("team"), found.getString("caseworkerId"));
    }

    /** Keeps what the event says and leaves the rest; {@code null} means the event does not say. */
    void note(String department, String caseId, String team, String caseworkerId) {
        Known known = known(department, caseId);
        if (known != null) {
            if ((team == null || team.equals(known.team)) && (caseworkerId == null || caseworkerId.equals(known.caseworkerId))) {
                return; // a repeat, or nothing new
            }
            known.note(team, caseworkerId);
            return;
        }
        Update update = new Update().setOnInsert("department", department).setOnInsert("caseId", caseId);
        if (team != null) {
            update.set("team", team);
        }
        if (caseworkerId != null) {
            update.set("caseworkerId", caseworkerId);
        }
        mongo.upsert(byCase(department, caseId), update, COLLECTION);
    }

    /** Read by key and checked here: a filter on the list besides the key would make the embedded store scan. */
    boolean handled(CaseEventRef event) {
        Known known = known(event.department(), event.caseId());
        if (known != null) {
            return known.handled.contains(event.key());
        }
        Query query = byCase(event.department(), event.caseId());
        query.fields().include(HANDLED);
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found != null && found.getList(HANDLED, String.class, List.of()).contains(event.key());
    }

    /** Called after the step the event caused, so a crash in between repeats a step that then finds nothing to do. */
    void markHandled(CaseEventRef event) {
        Known known = known(event.department(), event.caseId());
        if (known != null) {
            known.markHandled(event.key());
            return;
        }
        mongo.upsert(byCase(event.department(), event.caseId()), new Update().addToSet(HANDLED, event.key())
                .setOnInsert("department", event.department()).setOnInsert("caseId", event.caseId()), COLLECTION);
    }

    /** What this thread's batch knows of the case; {@code null} outside a batch or for a case the batch did not read. */
    private Known known(String department, String caseId) {
        Map<String, Known> current = batch.get();
        return current == null ? null : current.get(id(department, caseId));
    }

    private static Query byCase(String department, String caseId) {
        return Query.query(Criteria.where("_id").is(id(department, caseId)));
    }

    /** Department codes hold no '/', so the pair stays unambiguous. */
    static String id(String department, String caseId) {
        return new CaseKey(department, caseId).id();
    }

    /**
     * A case as the batch knows it: as read, and as its events have changed it since; and what of that is not
     * written yet. Only this thread writes the case file, so writing back what it knows is writing what changed.
     */
    static final class Known {

        private final CaseKey key;
        private String team;
        private String caseworkerId;
        private final Set<String> handled = new HashSet<>();
        private boolean noted;
        private final List<String> newlyHandled = new ArrayList<>();

        Known(CaseKey key) {
            this.key = key;
        }

        void read(Document found) {
            team = found.getString("team");
            caseworkerId = found.getString("caseworkerId");
            handled.addAll(found.getList(HANDLED, String.class, List.of()));
        }

        void note(String team, String caseworkerId) {
            if (team != null) {
                this.team = team;
            }
            if (caseworkerId != null) {
                this.caseworkerId = caseworkerId;
            }
            noted = true;
        }

        void markHandled(String eventKey) {
            if (handled.add(eventKey)) {
                newlyHandled.add(eventKey);
            }
        }

        boolean unwritten() {
            return noted || !newlyHandled.isEmpty();
        }

        /** One upsert with what is not written yet. */
        Document update() {
            Document update = new Document("$setOnInsert", new Document("department", key.department())
                    .append("caseId", key.caseId()));
            Document set = new Document();
            if (noted && team != null) {
                set.append("team", team);
            }
            if (noted && caseworkerId != null) {
                set.append("caseworkerId", caseworkerId);
            }
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (!newlyHandled.isEmpty()) {
                update.append("$addToSet", new Document(HANDLED, new Document("$each", List.copyOf(newlyHandled))));
            }
            return update;
        }

        void written() {
            noted = false;
            newlyHandled.clear();
        }
    }
}
