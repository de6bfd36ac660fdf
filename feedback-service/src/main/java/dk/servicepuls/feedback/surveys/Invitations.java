package dk.servicepuls.feedback.surveys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.SurveyInvited;
import dk.servicepuls.feedback.events.PublishedEvents;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invites to surveys as the rules say. What it keeps, all by key: per case its party reference and latest complaint
 * ({@code survey_cases}), per party and question when it was last asked ({@code survey_quiet}), and the invitations
 * ({@code survey_invitations}), each stored with its {@code survey.invited} announcement in its outbox. An
 * invitation's id is a name-based UUID of the event that caused it, so a redelivery invites nobody twice.
 */
@Component
class Invitations implements PublishedEvents {

    static final String CASES = "survey_cases";
    static final String QUIET = "survey_quiet";
    static final String INVITATIONS = "survey_invitations";
    static final String SOURCE = "/servicepuls/feedback-service/surveys";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final Clock clock;
    private final SurveyProperties properties;
    private final InvitationRules rules;
    private final SurveyTokens tokens;
    private final SurveyReminders reminders;

    Invitations(MongoTemplate mongo, OutboxRelay relay, JsonMapper json, Clock clock, SurveyProperties properties,
            SurveyTokens tokens, SurveyReminders reminders) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.rules = new InvitationRules(properties);
        this.tokens = tokens;
        this.reminders = reminders;
    }

    @Override
    public void on(String topic, List<CloudEvent> events) {
        for (CloudEvent event : events) {
            EventType type = EventType.fromType(event.getType()).orElse(null);
            String department = CloudEventMessages.department(event);
            if (type == null || department == null || event.getSubject() == null) {
                continue;
            }
            switch (type) {
                case CASE_OPENED -> noteParty(department, event);
                case COMPLAINT_FILED -> noteComplaint(department, event);
                case CONTACT_RECORDED -> consider(department, event, text(data(event), "channel"), "contact-recorded",
                        text(data(event), "contactId"));
                case CASE_CLOSED -> consider(department, event, null, "case-closed", null);
                default -> {
                }
            }
        }
    }

    private void noteParty(String department, CloudEvent event) {
        JsonNode party = data(event).path("party");
        String ref = text(party, "ref");
        if (ref != null) {
            mongo.upsert(byId(caseKey(department, event.getSubject())),
                    new org.springframework.data.mongodb.core.query.Update().set("partyRef", ref), CASES);
        }
    }

    private void noteComplaint(String department, CloudEvent event) {
        mongo.upsert(byId(caseKey(department, event.getSubject())),
                new org.springframework.data.mongodb.core.query.Update().max("lastComplaintAt", Date.from(time(event))),
                CASES);
    }

    private void consider(String department, CloudEvent event, String channel, String trigger, String contactId) {
        Document file = mongo.findOne(byId(caseKey(department, event.getSubject())), Document.class, CASES);
        String partyRef = file == null ? null : file.getString("partyRef");
        Instant lastComplaint = file == null || file.getDate("lastComplaintAt") == null ? null
                : file.getDate("lastComplaintAt").toInstant();
        Map<SurveyType, Instant> lastInvited = new EnumMap<>(SurveyType.class);
        if (partyRef != null) {
            for (Document quiet : mongo.find(Query.query(Criteria.where("_id").in(
                    List.of(SurveyType.values()).stream().map(t -> quietKey(partyRef, t)).toList())), Document.class, QUIET)) {
                lastInvited.put(SurveyType.valueOf(quiet.getString("type")), quiet.getDate("lastInvitedAt").toInstant());
            }
        }
        Instant now = clock.instant();
        List<SurveyType> types = rules.decide(department, channel, trigger, event.getSource() + "\n" + event.getId(),
                lastComplaint, lastInvited, now);
        if (types.isEmpty()) {
            return;
        }
        String invitationId = "inv-" + UUID.nameUUIDFromBytes(("survey\n" + event.getSource() + "\n" + event.getId())
                .getBytes(StandardCharsets.UTF_8));
        Instant expiresAt = now.plus(properties.linkValidity());
        String url = properties.baseUrl().replaceAll("/+$", "") + "/s/" + tokens.sign(invitationId, expiresAt);
        SurveyInvited invited = new SurveyInvited(invitationId, contactId, url, expiresAt);
        Document document = new Document("_id", invitationId).append("surveyUrl", url).append("department", department)
                .append("caseId", event.getSubject()).append("contactId", contactId)
                .append("types", types.stream().map(SurveyType::name).toList())
                .append("status", "invited").append("invitedAt", Date.from(now)).append("expiresAt", Date.from(expiresAt));
        Outbox.withEntry(document, new OutboxEntry("survey-invited-" + invitationId.substring(4), Topics.FEEDBACK_EVENTS,
                event.getSubject(), SOURCE, EventType.SURVEY_INVITED.type(), now, event.getSubject(), department,
                Document.parse(json.writeValueAsString(invited))), mongo.getConverter());
        try {
            mongo.insert(document, INVITATIONS);
        }
        catch (DuplicateKeyException repeat) {
            return; // the same event again: invited already
        }
        relay.enqueue(INVITATIONS, invitationId);
        reminders.due(invitationId, now);
        if (partyRef != null) {
            for (SurveyType type : types) {
                mongo.findAndReplace(byId(quietKey(partyRef, type)), new Document("_id", quietKey(partyRef, type))
                        .append("type", type.name()).append("lastInvitedAt", Date.from(now)),
                        FindAndReplaceOptions.options().upsert(), Document.class, QUIET);
            }
        }
    }

    private JsonNode data(CloudEvent event) {
        return event.getData() == null ? json.createObjectNode() : json.readTree(event.getData().toBytes());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant time(CloudEvent event) {
        return event.getTime() == null ? Instant.now() : event.getTime().toInstant();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    static String caseKey(String department, String caseId) {
        return department + "|" + caseId;
    }

    private static String quietKey(String partyRef, SurveyType type) {
        return partyRef + "|" + type.name();
    }
}
