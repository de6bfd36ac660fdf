package dk.servicepuls.contracts;

import static dk.servicepuls.contracts.Topics.CONTACT_EVENTS;
import static dk.servicepuls.contracts.Topics.ESCALATION_EVENTS;
import static dk.servicepuls.contracts.Topics.FEEDBACK_EVENTS;
import static dk.servicepuls.contracts.Topics.INGEST_CONTACT;
import static dk.servicepuls.contracts.Topics.INGEST_FEEDBACK;
import static dk.servicepuls.contracts.Topics.PRIVACY_ERASURES;

import dk.servicepuls.contracts.events.CaseClosed;
import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.DecisionMade;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.FeedbackAnalyzed;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.contracts.events.PartyErased;
import dk.servicepuls.contracts.events.PartyErasureRequested;
import dk.servicepuls.contracts.events.RiskAssessed;
import dk.servicepuls.contracts.events.SurveyInvited;
import dk.servicepuls.contracts.events.TaskClaimed;
import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.contracts.events.TaskEscalated;
import dk.servicepuls.contracts.events.TaskCancelled;
import dk.servicepuls.contracts.events.TaskExpired;
import dk.servicepuls.contracts.events.TaskHeldOut;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every CloudEvents {@code type} the platform knows. Ingested types arrive from department systems on an ingest
 * topic and are republished in normalised form; the others are produced by the platform itself.
 */
public enum EventType {

    CASE_OPENED("dk.servicepuls.case.opened.v1", CaseOpened.class, INGEST_CONTACT, CONTACT_EVENTS, true),
    CONTACT_RECORDED("dk.servicepuls.contact.recorded.v1", ContactRecorded.class, INGEST_CONTACT, CONTACT_EVENTS, false),
    DECISION_PENDING("dk.servicepuls.decision.pending.v1", DecisionPending.class, INGEST_CONTACT, CONTACT_EVENTS, true),
    DECISION_MADE("dk.servicepuls.decision.made.v1", DecisionMade.class, INGEST_CONTACT, CONTACT_EVENTS, true),
    CASE_TRANSFERRED("dk.servicepuls.case.transferred.v1", CaseTransferred.class, INGEST_CONTACT, CONTACT_EVENTS, true),
    CASE_CLOSED("dk.servicepuls.case.closed.v1", CaseClosed.class, INGEST_CONTACT, CONTACT_EVENTS, true),
    PARTY_ERASURE_REQUESTED("dk.servicepuls.party.erasure-requested.v1", PartyErasureRequested.class, INGEST_CONTACT,
            CONTACT_EVENTS, false),
    FEEDBACK_SUBMITTED("dk.servicepuls.feedback.submitted.v1", FeedbackSubmitted.class, INGEST_FEEDBACK, FEEDBACK_EVENTS, false),
    COMPLAINT_FILED("dk.servicepuls.complaint.filed.v1", ComplaintFiled.class, INGEST_FEEDBACK, FEEDBACK_EVENTS, false),

    FEEDBACK_ANALYZED("dk.servicepuls.feedback.analyzed.v1", FeedbackAnalyzed.class, null, FEEDBACK_EVENTS, false),
    RISK_ASSESSED("dk.servicepuls.risk.assessed.v1", RiskAssessed.class, null, ESCALATION_EVENTS, true),
    TASK_CREATED("dk.servicepuls.task.created.v1", TaskCreated.class, null, ESCALATION_EVENTS, true),
    TASK_CLAIMED("dk.servicepuls.task.claimed.v1", TaskClaimed.class, null, ESCALATION_EVENTS, true),
    TASK_COMPLETED("dk.servicepuls.task.completed.v1", TaskCompleted.class, null, ESCALATION_EVENTS, true),
    TASK_ESCALATED("dk.servicepuls.task.escalated.v1", TaskEscalated.class, null, ESCALATION_EVENTS, true),
    TASK_EXPIRED("dk.servicepuls.task.expired.v1", TaskExpired.class, null, ESCALATION_EVENTS, true),
    TASK_CANCELLED("dk.servicepuls.task.cancelled.v1", TaskCancelled.class, null, ESCALATION_EVENTS, true),
    TASK_HELD_OUT("dk.servicepuls.task.held-out.v1", TaskHeldOut.class, null, ESCALATION_EVENTS, true),
    SURVEY_INVITED("dk.servicepuls.survey.invited.v1", SurveyInvited.class, null, FEEDBACK_EVENTS, false),
    PARTY_ERASED("dk.servicepuls.party.erased.v1", PartyErased.class, null, PRIVACY_ERASURES, false);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final Class<? extends Record> dataType;
    private final String ingestTopic;
    private final String publishedTopic;
    private final boolean subjectRequired;

    EventType(String type, Class<? extends Record> dataType, String ingestTopic, String publishedTopic,
            boolean subjectRequired) {
        this.type = type;
        this.dataType = dataType;
        this.ingestTopic = ingestTopic;
        this.publishedTopic = publishedTopic;
        this.subjectRequired = subjectRequired;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code dk.servicepuls.case.opened.v1}. */
    public String type() {
        return type;
    }

    /** The record that {@code data} deserialises into (the normalised, published form). */
    public Class<? extends Record> dataType() {
        return dataType;
    }

    /** Whether department systems send this type to the platform. */
    public boolean ingested() {
        return ingestTopic != null;
    }

    /** Whether the {@code subject} attribute (the case id) must be present. */
    public boolean subjectRequired() {
        return subjectRequired;
    }

    /** The topic department systems send this type to, or {@code null} when the platform produces it itself. */
    public String ingestTopic() {
        return ingestTopic;
    }

    /** The topic the platform publishes this type on. */
    public String publishedTopic() {
        return publishedTopic;
    }

    /** Class-path location of the JSON Schema for {@code data}. */
    public String schemaResource() {
        return "/contracts/schemas/" + type + ".schema.json";
    }

    /** Class-path location of a complete structured-mode example event. */
    public String exampleResource() {
        return "/contracts/examples/" + type + ".json";
    }

    /** The event type with this CloudEvents {@code type} attribute, if it is one the platform knows. */
    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /** The types accepted on an ingest topic; empty for any other topic. */
    public static Set<EventType> ingestedOn(String topic) {
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (EventType candidate : values()) {
            if (candidate.ingested() && Objects.equals(candidate.ingestTopic, topic)) {
                types.add(candidate);
            }
        }
        return Collections.unmodifiableSet(types);
    }
}
