package dk.servicepuls.feedback.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.SurveyInvited;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
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
 * The one reminder of an unanswered invitation. An invitation goes into the bucket of the hour its reminder falls
 * due ({@code survey_reminders}, keyed by that hour); a round reads the buckets of the hours up to now by key, sends
 * a reminder (a {@code survey.invited} with {@code reminder: true} and the same link) for each invitation that is
 * still unanswered and unexpired, and takes the bucket out. Every access is by key, so a round costs what is due,
 * never what is stored.
 */
@Component
class SurveyReminders {

    static final String BUCKETS = "survey_reminders";
    private static final Logger log = LoggerFactory.getLogger(SurveyReminders.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

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
        mongo.upsert(Query.query(Criteria.where("_id").is(HOUR.format(invitedAt.plus(properties.remindAfter())))),
                new Update().addToSet("ids").each(invitationIds.toArray()), BUCKETS);
    }

    /** Sends the reminders that are due by now; returns how many went out. */
    int run() {
        Instant now = clock.instant();
        List<String> hours = new ArrayList<>();
        // a link lives linkValidity, so nothing older than that can still need its reminder
        for (Instant hour = now.minus(properties.linkValidity()).truncatedTo(ChronoUnit.HOURS); !hour.isAfter(now);
                hour = hour.plus(Duration.ofHours(1))) {
            hours.add(HOUR.format(hour));
        }
        int sent = 0;
        for (Document bucket : mongo.find(Query.query(Criteria.where("_id").in(hours)), Document.class, BUCKETS)) {
            List<String> ids = bucket.getList("ids", String.class);
            for (Document invitation : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class,
                    Invitations.INVITATIONS)) {
                if (remind(invitation, now)) {
                    sent++;
                }
            }
            mongo.remove(Query.query(Criteria.where("_id").is(bucket.get("_id"))), BUCKETS);
        }
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
                Document.parse(json.writeValueAsString(reminder))), mongo.getConverter());
        boolean taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("invited")
                .and("reminded").ne(true)), update, Invitations.INVITATIONS).getMatchedCount() == 1;
        if (taken) {
            relay.enqueue(Invitations.INVITATIONS, id);
        }
        return taken;
    }
}
