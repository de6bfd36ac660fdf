package dk.servicepuls.feedback.surveys;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.contracts.events.Language;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.sealing.CaseRef;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextSeal;
import dk.servicepuls.platform.store.JsonDocuments;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An invitation as the page sees it, and its answer: taken once, in one update that finds the invitation still
 * unanswered and unexpired, marks it answered and puts the {@code feedback.submitted} announcement in its outbox.
 * The comment is masked before it is stored or published, as ingest masks every comment.
 */
@Component
class SurveyAnswers {

    enum State { OPEN, ANSWERED, EXPIRED, UNKNOWN }

    /** An invitation as stored, and its state now; all but the state are {@code null} for an unknown link. */
    record Invitation(String id, State state, List<SurveyType> types, String department, String caseId,
            String contactId) {

        static final Invitation UNKNOWN = new Invitation(null, State.UNKNOWN, List.of(), null, null, null);
    }

    record Answer(Integer csat, Integer ces, Integer nps, String comment, String language) {
    }

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final Clock clock;
    private final SurveyTokens tokens;
    private final FreeTextMasker masker;
    private final TextKeys keys;

    SurveyAnswers(MongoTemplate mongo, OutboxRelay relay, JsonMapper json, Clock clock, SurveyTokens tokens,
            FreeTextMasker masker, TextKeys keys) {
        this.mongo = mongo;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.tokens = tokens;
        this.masker = masker;
        this.keys = keys;
    }

    Invitation find(String token) {
        Optional<SurveyTokens.Verified> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return Invitation.UNKNOWN;
        }
        Document invitation = mongo.findOne(Query.query(Criteria.where("_id").is(verified.get().invitationId())),
                Document.class, Invitations.INVITATIONS);
        if (invitation == null) {
            return Invitation.UNKNOWN;
        }
        List<SurveyType> types = invitation.getList("types", String.class).stream().map(SurveyType::valueOf).toList();
        State state = "answered".equals(invitation.getString("status")) ? State.ANSWERED
                : !verified.get().expiresAt().isAfter(clock.instant()) ? State.EXPIRED : State.OPEN;
        return new Invitation(invitation.getString("_id"), state, types, invitation.getString("department"),
                invitation.getString("caseId"), invitation.getString("contactId"));
    }

    /**
     * Takes the answer to an invitation {@link #find} found open; {@code false} where it was answered meanwhile (in
     * another tab), which takes nothing.
     */
    boolean answer(Invitation invitation, Answer answer) {
        Instant now = clock.instant();
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : masker.mask(answer.comment().strip());
        FeedbackSubmitted submitted = new FeedbackSubmitted(invitation.id(), invitation.contactId(), null,
                answer.csat(), answer.ces(), answer.nps(), comment, "en".equals(answer.language()) ? Language.EN : Language.DA);
        Update update = new Update().set("status", "answered").set("answeredAt", Date.from(now));
        Outbox.append(update, new OutboxEntry("feedback-submitted-" + invitation.id().substring(4), Topics.FEEDBACK_EVENTS,
                invitation.caseId(), Invitations.SOURCE, EventType.FEEDBACK_SUBMITTED.type(), now,
                invitation.caseId(), invitation.department(), sealed(invitation, JsonDocuments.of(json, submitted))),
                mongo.getConverter());
        boolean taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(invitation.id()).and("status").is("invited")),
                update, Invitations.INVITATIONS).getMatchedCount() == 1;
        if (taken) {
            relay.enqueue(Invitations.INVITATIONS, invitation.id());
        }
        return taken;
    }

    /** The comment goes out sealed with its case's key, as every free text on the topics (platform.sealing). */
    private Document sealed(Invitation invitation, Document submitted) {
        if (submitted.get("comment") instanceof String comment && invitation.department() != null
                && invitation.caseId() != null) {
            submitted.put("comment", TextSeal.seal(keys.keyFor(new CaseRef(invitation.department(),
                    invitation.caseId())), comment));
        }
        return submitted;
    }
}
