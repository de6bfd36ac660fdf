package dk.servicepuls.escalation.tasks;

import java.util.List;

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
 */
@Component
class CaseFile {

    static final String COLLECTION = "case_info";
    private static final String HANDLED = "handledEvents";

    /** @param team and @param caseworkerId each {@code null} when not known */
    record CaseInfo(String team, String caseworkerId) {
    }

    private final MongoTemplate mongo;

    CaseFile(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    CaseInfo of(String department, String caseId) {
        Query query = byCase(department, caseId);
        query.fields().include("team", "caseworkerId");
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found == null ? new CaseInfo(null, null)
                : new CaseInfo(found.getString("team"), found.getString("caseworkerId"));
    }

    /** Keeps what the event says and leaves the rest; {@code null} means the event does not say. */
    void note(String department, String caseId, String team, String caseworkerId) {
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
        Query query = byCase(event.department(), event.caseId());
        query.fields().include(HANDLED);
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found != null && found.getList(HANDLED, String.class, List.of()).contains(event.key());
    }

    /** Called after the step the event caused, so a crash in between repeats a step that then finds nothing to do. */
    void markHandled(CaseEventRef event) {
        mongo.upsert(byCase(event.department(), event.caseId()), new Update().addToSet(HANDLED, event.key())
                .setOnInsert("department", event.department()).setOnInsert("caseId", event.caseId()), COLLECTION);
    }

    private static Query byCase(String department, String caseId) {
        return Query.query(Criteria.where("_id").is(id(department, caseId)));
    }

    /** Department codes hold no '/', so the pair stays unambiguous. */
    private static String id(String department, String caseId) {
        return department + "/" + caseId;
    }
}
