package dk.servicepuls.escalation.risk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.store.BatchCommit;
import dk.servicepuls.platform.store.JsonDocuments;
import dk.servicepuls.platform.store.MappedDocuments;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code case_risk} collection, which doubles as the outbox of risk.assessed. A batch reads its cases with one
 * query and writes them back with one bulk write: per case one document write that adds the batch's facts, sets the
 * assessment and, for each change of score or level, appends it to the history and puts its announcement in the
 * outbox. An update matches only the version it was computed from, so a concurrent write makes it fail (and the
 * caller recompute) rather than be lost. Updates push and set single fields and never rewrite the outbox array, which
 * the relay pulls from at the same time.
 */
@Component
class CaseRiskStore {

    static final String COLLECTION = "case_risk";
    static final String SOURCE = "/servicepuls/escalation-service";
    private static final String HISTORY = "history";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final BatchCommit commit;

    CaseRiskStore(MongoTemplate mongo, OutboxRelay relay, JsonMapper json, BatchCommit commit) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.commit = commit;
    }

    /** The stored cases among these ids, by id; without their outbox, which is the relay's. */
    Map<String, CaseRisk> findAll(Collection<String> ids) {
        return findAll(ids, false);
    }

    /**
     * The stored cases among these ids as an assessment needs them: without their history of changes, which only
     * grows and is written by appending to it, so that a poll neither reads nor maps it.
     */
    Map<String, CaseRisk> findForAssessment(Collection<String> ids) {
        return findAll(ids, true);
    }

    private Map<String, CaseRisk> findAll(Collection<String> ids, boolean withoutHistory) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().exclude(OutboxEntry.FIELD).exclude(OutboxEntry.SEQUENCE_FIELD);
        if (withoutHistory) {
            query.fields().exclude(HISTORY);
        }
        Map<String, CaseRisk> found = new HashMap<>();
        for (CaseRisk risk : this.mongo.find(query, CaseRisk.class, COLLECTION)) {
            found.put(risk.id(), risk);
        }
        return found;
    }

    Optional<CaseRisk> find(String department, String caseId) {
        String id = CaseRisk.id(department, caseId);
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /**
     * Writes every case that the batch added to, in one bulk write: a new case as an insert, a stored one as an
     * update that matches only the version it was read at.
     *
     * @return the ids of the cases whose write found another write first (and was not made)
     */
    Set<String> writeAll(Collection<WorkingCase> cases) {
        List<WorkingCase> writes = cases.stream().filter(WorkingCase::hasWrites).toList();
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        List<WorkingCase> updates = new ArrayList<>();
        for (WorkingCase working : writes) {
            if (working.stored() == null) {
                models.add(new InsertOneModel<>(newDocument(working)));
            }
            else {
                models.add(new UpdateOneModel<>(new Document("_id", working.stored().id())
                        .append("version", working.stored().version()), update(working)));
                updates.add(working);
            }
        }
        Set<String> lost = new HashSet<>();
        long matched;
        try {
            // a bulk write of the driver's own: the template's would not take part in the batch's commit
            matched = this.commit.collection(COLLECTION).bulkWrite(models, new BulkWriteOptions().ordered(false))
                    .getMatchedCount();
        }
        catch (MongoBulkWriteException e) {
            // the other consumer thread inserted these cases first
            DuplicateKeys.positions(e.getWriteErrors(), COLLECTION).forEach(position -> lost.add(writes.get(position).id()));
            matched = e.getWriteResult().getMatchedCount();
        }
        if (matched < updates.size()) {
            lost.addAll(lostUpdates(updates));
        }
        for (WorkingCase working : writes) {
            if (!working.changes().isEmpty() && !lost.contains(working.id())) {
                this.relay.enqueue(COLLECTION, working.id());
            }
        }
        return lost;
    }

    /** A bulk write counts its matches but does not say which update missed: the cases as stored now tell. */
    private Set<String> lostUpdates(List<WorkingCase> updates) {
        Map<String, CaseRisk> now = findForAssessment(updates.stream().map(WorkingCase::id).toList());
        Set<String> lost = new HashSet<>();
        for (WorkingCase working : updates) {
            if (!working.writtenIn(now.get(working.id()))) {
                lost.add(working.id());
            }
        }
        return lost;
    }

    private Document newDocument(WorkingCase working) {
        CaseRisk risk = new CaseRisk(working.id(), working.department(), working.caseId(), 1, working.party().ref(),
                working.party().formerRef(), working.allFacts(), working.current(),
                working.changes().stream().map(WorkingCase.Change::assessment).toList());
        Document document = new Document();
        this.mongo.getConverter().write(risk, document);
        if (!working.changes().isEmpty()) {
            Outbox.withEntries(document, outboxEntries(working), this.mongo.getConverter());
        }
        return document;
    }

    private Document update(WorkingCase working) {
        Document set = new Document("current", document(working.current()));
        if (working.party().ref() != null) {
            set.append("partyRef", working.party().ref());
        }
        if (working.party().formerRef() != null) {
            set.append("formerPartyRef", working.party().formerRef());
        }
        Document push = new Document("facts", each(working.added().stream().map(this::document).toList()));
        if (!working.changes().isEmpty()) {
            push.append(HISTORY, each(working.changes().stream().map(change -> document(change.assessment())).toList()));
        }
        Document update = new Document("$inc", new Document("version", 1)).append("$set", set).append("$push", push);
        return working.changes().isEmpty() ? update
                : Outbox.append(update, outboxEntries(working), this.mongo.getConverter());
    }

    private static Document each(List<Document> values) {
        return new Document("$each", values);
    }

    private List<OutboxEntry> outboxEntries(WorkingCase working) {
        return working.changes().stream()
                .map(change -> outboxEntry(working.department(), working.caseId(), change.cause(), change.assessment()))
                .toList();
    }

    private OutboxEntry outboxEntry(String department, String caseId, Fact cause, Assessment changed) {
        return new OutboxEntry(eventId(department, caseId, cause), Topics.ESCALATION_EVENTS, caseId, SOURCE,
                EventType.RISK_ASSESSED.type(), changed.assessedAt(), caseId, department,
                JsonDocuments.of(json, changed.announcement()));
    }

    /**
     * Named after the event that caused the change: one event changes a case's risk at most once, so a rebuilt store
     * announces the same change under the same id. Length prefixes keep the parts apart whatever they contain.
     */
    static String eventId(String department, String caseId, Fact cause) {
        String key = String.join("|", prefixed(department), prefixed(caseId), prefixed(cause.source()),
                prefixed(cause.id()));
        return "risk-assessed-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String prefixed(String part) {
        return part.length() + ":" + part;
    }

    private Document document(Object value) {
        return MappedDocuments.of(mongo.getConverter(), value);
    }
}
