package dk.servicepuls.escalation.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.contracts.events.TaskHeldOut;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.store.JsonDocuments;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code control_cases} collection: eligible cases held out of the calls, one document per case (the id is the
 * case), so a redelivery or a second unfavourable decision records nothing new. The document carries its
 * {@code task.held-out} announcement in its outbox, written in the same insert, so analytics learns of every control
 * case exactly as the store keeps it.
 */
@Component
class ControlCases {

    static final String COLLECTION = "control_cases";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final double holdoutShare;

    ControlCases(MongoTemplate mongo, OutboxRelay relay, JsonMapper json, TasksProperties properties) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.holdoutShare = properties.holdoutShare();
    }

    /** @return whether this recorded the case; {@code false} when it was already in the control group */
    boolean record(String department, String caseId, TaskCreated.Trigger trigger, List<String> reasons, Instant at) {
        String id = department + "/" + caseId;
        Document document = new Document("_id", id).append("department", department).append("caseId", caseId)
                .append("reason", "holdout").append("eligibleFor", reasons).append("at", at);
        TaskHeldOut announcement = new TaskHeldOut(trigger, reasons, holdoutShare);
        Outbox.withEntry(document, new OutboxEntry(eventId(department, caseId), Topics.ESCALATION_EVENTS, caseId,
                TaskStore.SOURCE, EventType.TASK_HELD_OUT.type(), at, caseId, department,
                JsonDocuments.of(json, announcement)), mongo.getConverter());
        try {
            mongo.insert(document, COLLECTION);
        }
        catch (DuplicateKeyException already) {
            return false;
        }
        relay.enqueue(COLLECTION, id);
        return true;
    }

    /** Once per case, whatever made it eligible: the same id on a replay, so consumers count it once. */
    static String eventId(String department, String caseId) {
        return "task-held-out-" + UUID.nameUUIDFromBytes((department + " " + caseId).getBytes(StandardCharsets.UTF_8));
    }
}
