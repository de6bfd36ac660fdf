package dk.servicepuls.feedback.surveys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.SurveyInvited;
import dk.servicepuls.feedback.events.PublishedEvents;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.store.InsertOnce;
import dk.servicepuls.platform.store.JsonDocuments;
import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invites to surveys as the rules say, a poll at a time. What it keeps, all by key: per case its party reference and
 * latest complaint ({@code survey_cases}), per party and question when it was last asked ({@code survey_quiet}), and
 * the invitations ({@code survey_invitations}), each stored with its {@code survey.invited} announcement in its
 * outbox. A poll costs one read of its cases and one of their parties' quiet periods, then bulk writes: what the
 * poll says of its cases (a party, a complaint) is taken first, then its contacts and closings are decided in order,
 * so two contacts of one party in one poll invite once. An invitation's id is a name-based UUID of the event that caused
 * it, so a redelivery invites nobody twice.
 */
@Component
class Invitations implements PublishedEvents {

    static final String CASES = "survey_cases";
    static final String QUIET = "survey_quiet";
    /** When a case closed, in {@code survey_cases}: where the retention of its survey data starts. */
    static final String CLOSED_AT = "closedAt";
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

    /** What the poll knows of a case: as read, then as its events change it. */
    private static final class CaseView {

        String partyRef;
        Instant lastComplaint;
        Instant closed;
        boolean changed;
    }

    /** An event of the poll the surveys take in: a case fact, or one that a survey may follow. */
    private record SurveyFact(EventType type, String department, CloudEvent event) {
    }

    /** An event of the poll that a survey may follow. */
    private record Candidate(CloudEvent event, String department, String channel, String trigger, String contactId) {
    }

    @Override
    public void on(String topic, List<CloudEvent> events) {
        List<SurveyFact> relevant = new ArrayList<>();
        Set<String> caseKeys = new LinkedHashSet<>();
        for (CloudEvent event : events) {
            EventType type = EventType.fromType(event.getType()).orElse(null);
            String department = CloudEventMessages.department(event);
            if (type == null || department == null || event.getSubject() == null || !isSurveyFact(type)) {
                continue;
            }
            relevant.add(new SurveyFact(type, department, event));
            caseKeys.add(caseKey(department, event.getSubject()));
        }
        if (relevant.isEmpty()) {
            return;
        }
        Map<String, CaseView> cases = readCases(caseKeys);
        List<Candidate> candidates = new ArrayList<>();
        for (SurveyFact fact : relevant) {
            CloudEvent event = fact.event();
            String department = fact.department();
            CaseView view = cases.get(caseKey(department, event.getSubject()));
            switch (fact.type()) {
                case CASE_OPENED -> {
                    String ref = text(data(event).path("party"), "ref");
                    if (ref != null && !ref.equals(view.partyRef)) {
                        view.partyRef = ref;
                        view.changed = true;
                    }
                }
                case COMPLAINT_FILED -> {
                    Instant at = event.getTime() == null ? clock.instant() : event.getTime().toInstant();
                    if (view.lastComplaint == null || at.isAfter(view.lastComplaint)) {
                        view.lastComplaint = at;
                        view.changed = true;
                    }
                }
                case CONTACT_RECORDED -> {
                    JsonNode data = data(event);
                    candidates.add(new Candidate(event, department, text(data, "channel"), "contact-recorded",
                            text(data, "contactId")));
                }
                default -> {
                    Instant at = event.getTime() == null ? clock.instant() : event.getTime().toInstant();
                    if (view.closed == null || at.isAfter(view.closed)) {
                        view.closed = at;
                        view.changed = true;
                    }
                    candidates.add(new Candidate(event, department, null, "case-closed", null));
                }
            }
        }
        writeCases(cases);
        invite(candidates, cases);
    }

    private static boolean isSurveyFact(EventType type) {
        return type == EventType.CASE_OPENED || type == EventType.COMPLAINT_FILED || type == EventType.CONTACT_RECORDED
                || type == EventType.CASE_CLOSED;
    }

    private void invite(List<Candidate> candidates, Map<String, CaseView> cases) {
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> parties = new LinkedHashSet<>();
        candidates.forEach(candidate -> {
            String ref = cases.get(caseKey(candidate.department(), candidate.event().getSubject())).partyRef;
            if (ref != null) {
                parties.add(ref);
            }
        });
        Map<String, Map<SurveyType, Instant>> quiet = readQuiet(parties);
        Instant now = clock.instant();
        List<Document> invitations = new ArrayList<>();
        List<String> invitedParties = new ArrayList<>();
        List<List<SurveyType>> invitedTypes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            CloudEvent event = candidate.event();
            CaseView view = cases.get(caseKey(candidate.department(), event.getSubject()));
            Map<SurveyType, Instant> lastInvited = view.partyRef == null ? Map.of()
                    : quiet.computeIfAbsent(view.partyRef, party -> new EnumMap<>(SurveyType.class));
            List<SurveyType> types = rules.decide(candidate.department(), candidate.channel(), candidate.trigger(),
                    event.getSource() + "\n" + event.getId(), view.lastComplaint, lastInvited, now);
            if (types.isEmpty()) {
                continue;
            }
            invitations.add(invitation(candidate, types, now));
            invitedParties.add(view.partyRef);
            invitedTypes.add(types);
            if (view.partyRef != null) {
                types.forEach(type -> lastInvited.put(type, now));
            }
        }
        InsertOnce.Result result = InsertOnce.insert(mongo.getCollection(INVITATIONS), invitations);
        List<Object> stored = new ArrayList<>();
        Map<String, Set<SurveyType>> asked = new LinkedHashMap<>();
        for (int position : result.stored()) {
            String id = invitations.get(position).getString("_id");
            stored.add(id);
            if (invitedParties.get(position) != null) {
                asked.computeIfAbsent(invitedParties.get(position), party -> new LinkedHashSet<>())
                        .addAll(invitedTypes.get(position));
            }
        }
        relay.enqueueAll(INVITATIONS, stored);
        reminders.due(stored, now);
        writeQuiet(asked, now);
        if (result.failure() != null) {
            throw result.failure();
        }
    }

    private Document invitation(Candidate candidate, List<SurveyType> types, Instant now) {
        CloudEvent event = candidate.event();
        String invitationId = "inv-" + UUID.nameUUIDFromBytes(("survey\n" + event.getSource() + "\n" + event.getId())
                .getBytes(StandardCharsets.UTF_8));
        Instant expiresAt = now.plus(properties.linkValidity());
        String url = properties.baseUrl().replaceAll("/+$", "") + "/s/" + tokens.sign(invitationId, expiresAt);
        SurveyInvited invited = new SurveyInvited(invitationId, candidate.contactId(), url, expiresAt);
        Document document = new Document("_id", invitationId).append("surveyUrl", url)
                .append("department", candidate.department()).append("caseId", event.getSubject())
                .append("contactId", candidate.contactId()).append("types", types.stream().map(SurveyType::name).toList())
                .append("status", "invited").append("invitedAt", Date.from(now)).append("expiresAt", Date.from(expiresAt));
        return Outbox.withEntry(document, new OutboxEntry("survey-invited-" + invitationId.substring(4),
                Topics.FEEDBACK_EVENTS, event.getSubject(), SOURCE, EventType.SURVEY_INVITED.type(), now,
                event.getSubject(), candidate.department(), JsonDocuments.of(json, invited)),
                mongo.getConverter());
    }

    private Map<String, CaseView> readCases(Set<String> keys) {
        Map<String, CaseView> cases = new HashMap<>();
        keys.forEach(key -> cases.put(key, new CaseView()));
        for (Document file : mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, CASES)) {
            CaseView view = cases.get(file.getString("_id"));
            view.partyRef = file.getString("partyRef");
            view.lastComplaint = file.getDate("lastComplaintAt") == null ? null : file.getDate("lastComplaintAt").toInstant();
            view.closed = file.getDate(CLOSED_AT) == null ? null : file.getDate(CLOSED_AT).toInstant();
        }
        return cases;
    }

    private void writeCases(Map<String, CaseView> cases) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CASES);
        int writes = 0;
        for (Map.Entry<String, CaseView> entry : cases.entrySet()) {
            CaseView view = entry.getValue();
            if (!view.changed) {
                continue;
            }
            int split = entry.getKey().indexOf('|');
            Update update = new Update().setOnInsert("department", entry.getKey().substring(0, split))
                    .setOnInsert("caseId", entry.getKey().substring(split + 1));
            if (view.closed != null) {
                update.max(CLOSED_AT, Date.from(view.closed));
            }
            if (view.partyRef != null) {
                update.set("partyRef", view.partyRef);
            }
            if (view.lastComplaint != null) {
                update.max("lastComplaintAt", Date.from(view.lastComplaint));
            }
            bulk.upsert(Query.query(Criteria.where("_id").is(entry.getKey())), update);
            writes++;
        }
        if (writes > 0) {
            bulk.execute();
        }
    }

    private Map<String, Map<SurveyType, Instant>> readQuiet(Set<String> parties) {
        Map<String, Map<SurveyType, Instant>> quiet = new HashMap<>();
        if (parties.isEmpty()) {
            return quiet;
        }
        List<String> keys = new ArrayList<>();
        parties.forEach(party -> List.of(SurveyType.values()).forEach(type -> keys.add(quietKey(party, type))));
        for (Document found : mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, QUIET)) {
            quiet.computeIfAbsent(found.getString("party"), party -> new EnumMap<>(SurveyType.class))
                    .put(SurveyType.valueOf(found.getString("type")), found.getDate("lastInvitedAt").toInstant());
        }
        return quiet;
    }

    private void writeQuiet(Map<String, Set<SurveyType>> asked, Instant now) {
        if (asked.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, QUIET);
        asked.forEach((party, types) -> types.forEach(type -> bulk.upsert(
                Query.query(Criteria.where("_id").is(quietKey(party, type))),
                new Update().set("party", party).set("type", type.name()).max("lastInvitedAt", Date.from(now)))));
        bulk.execute();
    }

    private JsonNode data(CloudEvent event) {
        return event.getData() == null ? json.createObjectNode() : json.readTree(event.getData().toBytes());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String caseKey(String department, String caseId) {
        return department + "|" + caseId;
    }

    private static String quietKey(String partyRef, SurveyType type) {
        return partyRef + "|" + type.name();
    }
}
