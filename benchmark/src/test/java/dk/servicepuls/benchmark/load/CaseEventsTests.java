package dk.servicepuls.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CaseEventsTests {

    private final EventSchemas schemas = new EventSchemas();
    private final JsonMapper json = JsonMapper.shared();

    @Test
    void theMixedLoadIsValidPerTheContractAndHasUniqueIds() {
        MixedLoad load = new SyntheticCaseLifecycles("mixed", new CaseEvents(1), 10);
        Set<String> ids = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            GeneratedEvent event = load.next();
            assertValid(event);
            assertThat(ids.add(event.id())).as("unique id %s", event.id()).isTrue();
            types.add(event.type());
        }
        assertThat(types).containsExactlyInAnyOrder("dk.servicepuls.case.opened.v1", "dk.servicepuls.contact.recorded.v1",
                "dk.servicepuls.decision.pending.v1", "dk.servicepuls.decision.made.v1", "dk.servicepuls.case.closed.v1");
    }

    @Test
    void ingestPairsOpenACaseThenRecordAContactWithCprLikePartyIds() {
        IngestPairs pairs = new IngestPairs("http", new CaseEvents(2));
        GeneratedEvent opened = pairs.event(0);
        GeneratedEvent contact = pairs.event(1);
        assertValid(opened);
        assertValid(contact);
        assertThat(opened.subject()).isEqualTo(contact.subject());
        assertThat(json.readTree(opened.data()).get("party").get("id").asString()).matches("\\d{10}");
        assertThat(EventIds.tag(contact.id())).isEqualTo("http");
        assertThat(EventIds.number(contact.id())).isEqualTo(1);
    }

    @Test
    void aBatchIsAJsonArrayOfStructuredEvents() {
        IngestPairs pairs = new IngestPairs("http", new CaseEvents(3));
        JsonNode batch = json.readTree(GeneratedEvent.batchJson(List.of(pairs.event(0), pairs.event(1))));
        assertThat(batch.isArray()).isTrue();
        assertThat(batch.get(1).get("specversion").asString()).isEqualTo("1.0");
        assertThat(batch.get(1).get("department").asString()).isNotBlank();
    }

    private void assertValid(GeneratedEvent event) {
        JsonNode structured = json.readTree(event.structuredJson());
        EventType type = EventType.fromType(structured.get("type").asString()).orElseThrow();
        assertThat(schemas.validate(type, structured.get("data"))).as(event.structuredJson()).isEmpty();
        assertThat(structured.get("subject").asString()).doesNotContainPattern("\\d{6}[\\s-]?\\d{4}");
    }
}
