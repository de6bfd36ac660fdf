package dk.servicepuls.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

class EventSchemasTests {

    private static final String FAKE_CPR = "0101901234";
    private static final EventSchemas SCHEMAS = new EventSchemas();
    private static final JsonMapper MAPPER = JsonMapper.shared();

    @Test
    void rejectsContactWithUnknownChannel() {
        List<SchemaViolation> violations = SCHEMAS.validate(EventType.CONTACT_RECORDED,
                json("{'contactId':'tel-1','channel':'fax','direction':'inbound'}"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("channel");
            assertThat(violation.reason()).startsWith("Must be one of: phone, email, web_form").endsWith("social_media.");
        });
    }

    @Test
    void namesMissingRequiredNestedField() {
        List<SchemaViolation> violations = SCHEMAS.validate(EventType.CASE_OPENED,
                json("{'caseType':'enkeltydelse','party':{'id':'local-4711'}}"));

        assertThat(violations).containsExactly(new SchemaViolation("party.type", "This field is required."));
    }

    @Test
    void namesMissingRequiredTopLevelFields() {
        List<SchemaViolation> violations = SCHEMAS.validate(EventType.CONTACT_RECORDED, json("{'channel':'phone'}"));

        assertThat(violations).extracting(SchemaViolation::field).containsExactlyInAnyOrder("contactId", "direction");
    }

    @Test
    void reasonsNeverEchoTheValue() {
        List<SchemaViolation> violations = SCHEMAS.validate(EventType.CASE_OPENED, json("""
                {'caseType': 101901234,
                 'party': {'type': '%1$s', 'id': 101901234, 'preferredLanguage': '%1$s'},
                 'caseworkerId': ['%1$s']}""".formatted(FAKE_CPR)));
        violations = concat(violations, SCHEMAS.validate(EventType.DECISION_PENDING,
                json("{'expectedOutcome':'%1$s','dueAt':'%1$s'}".formatted(FAKE_CPR))));
        violations = concat(violations, SCHEMAS.validate(EventType.CONTACT_RECORDED, json("""
                {'contactId':'tel-1','channel':'%1$s','direction':'inbound','waitSeconds':'%1$s',
                 'note':'%2$s'}""".formatted(FAKE_CPR, ("CPR " + FAKE_CPR + " ").repeat(300)))));

        assertThat(violations).extracting(SchemaViolation::field).contains(
                "caseType", "party.type", "party.id", "party.preferredLanguage", "caseworkerId",
                "expectedOutcome", "dueAt", "channel", "waitSeconds", "note");
        assertThat(violations).allSatisfy(violation -> {
            assertThat(violation.reason()).doesNotContain("101901234").endsWith(".");
            assertThat(violation.field()).doesNotContain("101901234");
        });
    }

    @Test
    void keepsUnknownFields() {
        assertThat(SCHEMAS.validate(EventType.CASE_OPENED, json("""
                {'caseType':'enkeltydelse','priority':'high',
                 'party':{'type':'citizen','guardian':true}}"""))).isEmpty();
    }

    @Test
    void feedbackNeedsAtLeastOneAnswer() {
        assertThat(SCHEMAS.validate(EventType.FEEDBACK_SUBMITTED, json("{'feedbackId':'svar-1','language':'da'}")))
                .containsExactly(new SchemaViolation("data", "At least one of csat, ces, nps, comment is required."));
        assertThat(SCHEMAS.validate(EventType.FEEDBACK_SUBMITTED, json("{'feedbackId':'svar-1','nps':0}"))).isEmpty();
        assertThat(SCHEMAS.validate(EventType.FEEDBACK_SUBMITTED, json("{'feedbackId':'svar-1','comment':'Tak'}")))
                .isEmpty();
    }

    @Test
    void rejectsCsatOutOfRange() {
        assertThat(SCHEMAS.validate(EventType.FEEDBACK_SUBMITTED, json("{'feedbackId':'svar-1','csat':6}")))
                .containsExactly(new SchemaViolation("csat", "Must be at most 5."));
        assertThat(SCHEMAS.validate(EventType.FEEDBACK_SUBMITTED, json("{'feedbackId':'svar-1','csat':0}")))
                .containsExactly(new SchemaViolation("csat", "Must be at least 1."));
        assertThat(SCHEMAS.validate(EventType.FEEDBACK_SUBMITTED, json("{'feedbackId':'svar-1','ces':8,'nps':11}")))
                .containsExactlyInAnyOrder(new SchemaViolation("ces", "Must be at most 7."),
                        new SchemaViolation("nps", "Must be at most 10."));
    }

    @Test
    void aWholeNumberBeyondSixtyFourBitsWrittenWithAnExponentIsRefusedNotThrown() {
        // found by fuzzing: the validator compared 4e20 with the minimum as a long and threw
        String contact = "{'contactId':'tel-1','channel':'phone','direction':'inbound','waitSeconds':%s}";

        assertThat(SCHEMAS.validate(EventType.CONTACT_RECORDED, json(contact.formatted("4e20"))))
                .containsExactly(new SchemaViolation("waitSeconds",
                        "Must be a whole number from -9223372036854775808 to 9223372036854775807."));
        assertThat(SCHEMAS.validate(EventType.CONTACT_RECORDED, json(contact.formatted("-4e20")))).isNotEmpty();
        assertThat(SCHEMAS.validate(EventType.CONTACT_RECORDED, json(contact.formatted("4e2")))).isEmpty();
    }

    @Test
    void rejectsNoteLongerThan4000() {
        String contact = "{'contactId':'tel-1','channel':'phone','direction':'outbound','note':'%s'}";

        assertThat(SCHEMAS.validate(EventType.CONTACT_RECORDED, json(contact.formatted("x".repeat(4001)))))
                .containsExactly(new SchemaViolation("note", "Must be at most 4000 characters long."));
        assertThat(SCHEMAS.validate(EventType.CONTACT_RECORDED, json(contact.formatted("x".repeat(4000)))))
                .isEmpty();
    }

    @Test
    void rejectsTimeWithoutOffset() {
        assertThat(SCHEMAS.validate(EventType.DECISION_PENDING,
                json("{'expectedOutcome':'rejected','dueAt':'2026-03-19T12:00:00'}")))
                .extracting(SchemaViolation::field).containsExactly("dueAt");
        assertThat(SCHEMAS.validate(EventType.DECISION_PENDING,
                json("{'expectedOutcome':'rejected','dueAt':'2026-03-19T12:00:00+01:00'}"))).isEmpty();
    }

    @Test
    void pathsIntoListsUseIndexes() {
        List<SchemaViolation> violations = SCHEMAS.validate(EventType.RISK_ASSESSED, json("""
                {'score':40,'level':'medium','modelVersion':'rules-2026.1',
                 'factors':[{'code':'rejection_expected','contribution':40,'reasonDa':'Afslag','reasonEn':'Rejection'},
                            {'code':'repeated_contact','contribution':'many','reasonDa':'Gentagen','reasonEn':'Repeated'}]}"""));

        assertThat(violations).containsExactly(new SchemaViolation("factors[1].contribution", "Must be a number."));
    }

    @Test
    void absentDataIsAnEmptyObject() {
        assertThat(SCHEMAS.validate(EventType.CASE_CLOSED, null)).isEmpty();
        assertThat(SCHEMAS.validate(EventType.CASE_CLOSED, NullNode.getInstance())).isEmpty();
        assertThat(SCHEMAS.validate(EventType.DECISION_MADE, null))
                .containsExactly(new SchemaViolation("data", "Data is required for this event type."));
        assertThat(SCHEMAS.validate(EventType.DECISION_MADE, NullNode.getInstance()))
                .containsExactly(new SchemaViolation("data", "Data is required for this event type."));
    }

    @Test
    void dataMustBeAnObject() {
        assertThat(SCHEMAS.validate(EventType.DECISION_MADE, json("'%s'".formatted(FAKE_CPR))))
                .containsExactly(new SchemaViolation("data", "Must be an object."));
    }

    private static JsonNode json(String singleQuoted) {
        return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    }

    private static List<SchemaViolation> concat(List<SchemaViolation> first, List<SchemaViolation> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
