package dk.servicepuls.feedback.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.SurveyInvited;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.store.JsonDocuments;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reminder of an unanswered invitation. The invitations of one write go into a note of their own
 * ({@code survey_reminders}), keyed by the minute their reminders fall due and the first invitation's id; a round
 * reads the notes due by now as a range of keys, sends a reminder (a {@code survey.invited} with
 * {@code reminder: true} and the same link) for each invitation that is still unanswered and unexpired, and takes
 * the note out. Every access is by key or a range of keys, so a round costs what is due, never what is stored, and
 * a note holds one write's invitations: a bucket per hour grew with every invitation of that hour, each write
 * rewrote all of it, and at a country's rate it would pass MongoDB's 16 MB per document.
 */
@Component
class SurveyReminders {

    static final String BUCKETS = "survey_reminders";
    private static final Logger log = LoggerFactory.getLogger(SurveyReminders.class);
    /** Keys in the order of time; notes of earlier versions are keyed by the hour alone, and sort with it. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final int NOTES_PER_READ = 100;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final Clock clock;
    private final SurveyProperties properties;

    SurveyReminders(MongoTemplate mongo, OutboxRelay relay, JsonMapper json, Clock clock, SurveyProperties properties) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Notes invitations made at {@code invitedAt} for their reminders, in one write. */
    void due(List<Object> invitationIds, Instant invitedAt) {
        if (properties.remindAfter().isZero() || invitationIds.isEmpty()) {
            return;
        }
        // the same write again (a poll delivered twice) finds its note; reminding twice is guarded per invitation
        String key = MINUTE.format(invitedAt.plus(properties.remindAfter())) + "/" + invitationIds.get(0);
        mongo.upsert(Query.query(Criteria.where("_id").is(key)), new Update().setOnInsert("ids", invitationIds),
                BUCKETS);
    }

    /** Sends the reminders that are due by now; returns how many went out. */
    int run() {
        Instant now = clock.instant();
        // a link lives linkValidity, so nothing older than that can still need its reminder
        Criteria due = Criteria.where("_id").gte(MINUTE.format(now.minus(properties.linkValidity())))
                .lt(MINUTE.format(now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))));
        int sent = 0;
        List<Document> notes;
        long taken;
        do {
            taken = 0;
            notes = mongo.find(Query.query(due).limit(NOTES_PER_READ), Document.class, BUCKETS);
            for (Document note : notes) {
                List<String> ids = note.getList("ids", String.class);
                for (Document invitation : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class,
                        Invitations.INVITATIONS)) {
                    if (remind(invitation, now)) {
                        sent++;
                    }
                }
                taken += mongo.remove(Query.query(Criteria.where("_id").is(note.get("_id"))), BUCKETS)
                        .getDeletedCount();
            }
        }
        while (notes.size() == NOTES_PER_READ && taken > 0);
        if (sent > 0) {
            log.info("Sent {} survey reminder(s)", sent);
        }
        return sent;
    }

    private boolean remind(Document invitation, Instant now) {
        Instant expiresAt = invitation.getDate("expiresAt").toInstant();
        if (!"invited".equals(invitation.getString("status")) || Boolean.TRUE.equals(invitation.getBoolean("reminded"))
                || !expiresAt.isAfter(now)) {
            return false;
        }
        String id = invitation.getString("_id");
        SurveyInvited reminder = new SurveyInvited(id, invitation.getString("contactId"),
                invitation.getString("surveyUrl"), expiresAt, Boolean.TRUE);
        Update update = new Update().set("reminded", true).set("remindedAt", Date.from(now));
        Outbox.append(update, new OutboxEntry("survey-reminded-" + id.substring(4), Topics.FEEDBACK_EVENTS,
                invitation.getString("caseId"), Invitations.SOURCE, EventType.SURVEY_INVITED.type(), now,
                invitation.getString("caseId"), invitation.getString("department"),
                JsonDocuments.of(json, reminder)), mongo.getConverter());
        boolean taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("invited")
                .and("reminded").ne(true)), update, Invitations.INVITATIONS).getMatchedCount() == 1;
        if (taken) {
            relay.enqueue(Invitations.INVITATIONS, id);
        }
        return taken;
    }
}
