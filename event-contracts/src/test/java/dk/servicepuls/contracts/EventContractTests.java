package dk.servicepuls.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.Language;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type has a record, a schema and an example, and the three agree. */
class EventContractTests {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final EventSchemas SCHEMAS = new EventSchemas();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void dataTypeIsARecord(EventType type) {
        assertThat(type.dataType()).isNotNull();
        assertThat(type.dataType().isRecord()).isTrue();
        assertThat(type.dataType().getPackageName()).isEqualTo("dk.servicepuls.contracts.events");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsDraft202012WithAnId(EventType type) throws IOException {
        JsonNode schema = read(type.schemaResource());

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).endsWith("/" + type.type() + ".schema.json");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isMissingNode()).as("unknown fields stay allowed").isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleHasACompleteEnvelope(EventType type) throws IOException {
        JsonNode event = read(type.exampleResource());

        assertThat(event.path("specversion").asString()).isEqualTo(CloudEventAttributes.SPEC_VERSION);
        assertThat(event.path("id").asString()).isNotBlank();
        assertThat(event.path("source").asString()).startsWith("/");
        assertThat(event.path("type").asString()).isEqualTo(type.type());
        assertThat(OffsetDateTime.parse(event.path("time").asString())).isNotNull();
        assertThat(event.path(CloudEventAttributes.DEPARTMENT).asString()).isNotBlank();
        assertThat(event.path("datacontenttype").asString()).isEqualTo(CloudEventAttributes.DATA_CONTENT_TYPE);
        if (type.subjectRequired()) {
            assertThat(event.path("subject").asString()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleDataIsValid(EventType type) throws IOException {
        JsonNode data = read(type.exampleResource()).get("data");

        assertThat(data).isNotNull();
        assertThat(SCHEMAS.validate(type, data)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleDataDeserialisesIntoTheRecord(EventType type) throws IOException {
        JsonNode data = read(type.exampleResource()).get("data");

        Record record = MAPPER.treeToValue(data, type.dataType());

        assertThat(record).isInstanceOf(type.dataType());
        if (!data.isEmpty()) {
            assertThat(record.getClass().getRecordComponents()).isNotEmpty();
            assertThat(MAPPER.valueToTree(record).isEmpty()).as("some field was read").isFalse();
        }
    }

    /** What a service publishes from the record must pass the same schema the door applies. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordSerialisesToValidData(EventType type) throws IOException {
        Record record = MAPPER.treeToValue(read(type.exampleResource()).get("data"), type.dataType());

        JsonNode published = MAPPER.valueToTree(record);

        assertThat(SCHEMAS.validate(type, published)).isEmpty();
        assertThat(published.toString()).doesNotContain("null");
    }

    @Test
    void timesWithAnOffsetBecomeInstants() {
        DecisionPending pending = MAPPER.readValue(
                "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"2026-03-19T13:00:00+01:00\"}", DecisionPending.class);

        assertThat(pending.dueAt()).isEqualTo(Instant.parse("2026-03-19T12:00:00Z"));
        assertThat(pending.expectedOutcome()).isEqualTo(DecisionPending.ExpectedOutcome.REJECTED);
    }

    @Test
    void partyIdentifiersNeverReachTheRecord() {
        CaseOpened opened = MAPPER.readValue("""
                {"caseType":"enkeltydelse","party":{"type":"citizen","id":"local-4711","name":"Test Testesen",
                 "phone":"+4500000000","ref":"p-1a2b","preferredLanguage":"en"}}""", CaseOpened.class);

        assertThat(opened.party()).isEqualTo(new CaseOpened.Party(CaseOpened.Party.Type.CITIZEN, "p-1a2b", Language.EN));
        assertThat(MAPPER.writeValueAsString(opened)).doesNotContain("local-4711", "Testesen", "+4500000000");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventContractTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
