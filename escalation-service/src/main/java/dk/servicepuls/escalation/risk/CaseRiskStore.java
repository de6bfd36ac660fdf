package dk.servicepuls.escalation.risk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.outbox.Outbox;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code case_risk} collection, which doubles as the outbox of risk.assessed. Every write is one document write
 * that adds the event's fact, sets the assessment and, when score or level changed, appends it to the history and
 * puts its announcement in the outbox. An update matches only the version it was computed from, so a concurrent
 * write makes it fail (and the caller recompute) rather than be lost. Updates push and set single fields and never
 * rewrite the outbox array, which the relay pulls from at the same time.
 */
@Component
class CaseRiskStore {

    static final String COLLECTION = "case_risk";
    static final String SOURCE = "/servicepuls/escalation-service";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;

    CaseRiskStore(MongoTemplate mongo, OutboxRelay relay, JsonMapper json) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
    }

    Optional<CaseRisk> find(String department, String caseId) {
        Query query = Query.query(Criteria.where("_id").is(CaseRisk.id(department, caseId)));
        query.fields().exclude(OutboxEntry.FIELD).exclude(OutboxEntry.SEQUENCE_FIELD);
        return Optional.ofNullable(mongo.findOne(query, CaseRisk.class, COLLECTION));
    }

    /**
     * @param before    what the assessment was computed from; {@code null} for a case not stored yet
     * @param changed   the assessment when its score or level differs from the one before, else {@code null}
     * @return whether it was written; {@code false} when another write came first
     */
    boolean write(CaseRisk before, String department, String caseId, String partyRef, Fact fact, Assessment assessment,
            Assessment changed) {
        boolean written = before == null ? insert(department, caseId, partyRef, fact, assessment, changed)
                : update(before, partyRef, fact, assessment, changed);
        if (written && changed != null) {
            relay.enqueue(COLLECTION, CaseRisk.id(department, caseId));
        }
        return written;
    }

    private boolean insert(String department, String caseId, String partyRef, Fact fact, Assessment assessment,
            Assessment changed) {
        CaseRisk risk = new CaseRisk(CaseRisk.id(department, caseId), department, caseId, 1, partyRef, List.of(fact),
                assessment, changed == null ? List.of() : List.of(changed));
        Document document = new Document();
        mongo.getConverter().write(risk, document);
        if (changed != null) {
            Outbox.withEntry(document, outboxEntry(department, caseId, fact, changed), mongo.getConverter());
        }
        try {
            mongo.insert(document, COLLECTION);
            return true;
        }
        catch (DuplicateKeyException anotherWriterCameFirst) {
            return false;
        }
    }

    private boolean update(CaseRisk before, String partyRef, Fact fact, Assessment assessment, Assessment changed) {
        Update update = new Update().inc("version", 1).push("facts", document(fact)).set("current", document(assessment));
        if (partyRef != null) {
            update.set("partyRef", partyRef);
        }
        if (changed != null) {
            Outbox.append(update.push("history", document(changed)),
                    outboxEntry(before.department(), before.caseId(), fact, changed), mongo.getConverter());
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version()));
        return mongo.updateFirst(sameVersion, update, COLLECTION).getMatchedCount() == 1;
    }

    private OutboxEntry outboxEntry(String department, String caseId, Fact cause, Assessment changed) {
        return new OutboxEntry(eventId(department, caseId, cause), Topics.ESCALATION_EVENTS, caseId, SOURCE,
                EventType.RISK_ASSESSED.type(), changed.assessedAt(), caseId, department,
                Document.parse(json.writeValueAsString(changed.announcement())));
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
        Document written = new Document();
        mongo.getConverter().write(value, written);
        return written;
    }
}
