package dk.servicepuls.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTests {

    @Test
    void twentyTypesNineOfThemIngested() {
        // the sixteen of architecture.md and task.cancelled, task.held-out, party.erasure-requested and
        // party.erased, added to the contract (CONTRACT.md)
        assertThat(EventType.values()).hasSize(20);
        assertThat(Arrays.stream(EventType.values()).filter(EventType::ingested)).hasSize(9);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void findsEachTypeByItsName(EventType type) {
        assertThat(EventType.fromType(type.type())).contains(type);
        assertThat(type.type()).startsWith("dk.servicepuls.").endsWith(".v1");
        assertThat(type.publishedTopic()).isIn(Topics.CONTACT_EVENTS, Topics.FEEDBACK_EVENTS, Topics.ESCALATION_EVENTS,
                Topics.PRIVACY_ERASURES);
        assertThat(type.schemaResource()).isEqualTo("/contracts/schemas/" + type.type() + ".schema.json");
        assertThat(type.exampleResource()).isEqualTo("/contracts/examples/" + type.type() + ".json");
    }

    @Test
    void unknownTypesAreNotFound() {
        assertThat(EventType.fromType("dk.servicepuls.case.opened.v2")).isEmpty();
        assertThat(EventType.fromType(null)).isEmpty();
    }

    @Test
    void ingestTopicsCarryTheirTypes() {
        assertThat(EventType.ingestedOn(Topics.INGEST_CONTACT)).containsExactlyInAnyOrder(
                EventType.CASE_OPENED, EventType.CONTACT_RECORDED, EventType.DECISION_PENDING,
                EventType.DECISION_MADE, EventType.CASE_TRANSFERRED, EventType.CASE_CLOSED,
                EventType.PARTY_ERASURE_REQUESTED);
        assertThat(EventType.ingestedOn(Topics.INGEST_FEEDBACK))
                .containsExactlyInAnyOrder(EventType.FEEDBACK_SUBMITTED, EventType.COMPLAINT_FILED);
        assertThat(EventType.ingestedOn(Topics.CONTACT_EVENTS)).isEmpty();
        assertThat(EventType.ingestedOn(null)).isEmpty();
    }

    @Test
    void publishedOnlyTypesHaveNoIngestTopic() {
        assertThat(EventType.RISK_ASSESSED.ingested()).isFalse();
        assertThat(EventType.RISK_ASSESSED.ingestTopic()).isNull();
        assertThat(EventType.SURVEY_INVITED.publishedTopic()).isEqualTo(Topics.FEEDBACK_EVENTS);
        assertThat(EventType.FEEDBACK_ANALYZED.publishedTopic()).isEqualTo(Topics.FEEDBACK_EVENTS);
        assertThat(EventType.TASK_EXPIRED.publishedTopic()).isEqualTo(Topics.ESCALATION_EVENTS);
        assertThat(EventType.PARTY_ERASED.publishedTopic()).isEqualTo(Topics.PRIVACY_ERASURES);
    }

    @Test
    void subjectIsOptionalOnlyWhereACaseMayBeMissing() {
        assertThat(Arrays.stream(EventType.values()).filter(type -> !type.subjectRequired()))
                .containsExactlyInAnyOrder(EventType.CONTACT_RECORDED, EventType.FEEDBACK_SUBMITTED,
                        EventType.COMPLAINT_FILED, EventType.FEEDBACK_ANALYZED, EventType.SURVEY_INVITED,
                        EventType.PARTY_ERASURE_REQUESTED, EventType.PARTY_ERASED);
    }

    @Test
    void deadLetterTopicIsPerConsumerGroup() {
        assertThat(Topics.deadLetter("escalation-service")).isEqualTo("escalation-service.dlq");
    }
}
