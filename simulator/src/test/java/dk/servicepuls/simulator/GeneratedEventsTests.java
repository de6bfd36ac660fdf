package dk.servicepuls.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeneratedEventsTests {

    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CPR_LIKE = Pattern.compile("(?<![\\d+])\\d{6}[\\s-]?\\d{4}(?!\\d)");
    private static final EventSchemas SCHEMAS = new EventSchemas();

    private static Simulation simulation;

    @BeforeAll
    static void simulate() {
        simulation = Municipality.simulate(SimulationSettings.defaults().withSeed(42).withCases(600));
    }

    @Test
    void generatesAFewThousandEventsOfEveryIngestedType() {
        assertThat(simulation.events()).hasSizeGreaterThan(3000);
        // an erasure request is a department's answer to one person, not the service traffic a municipality makes
        Set<EventType> caseTypes = EnumSet.copyOf(EventType.ingestedOn("ingest.contact"));
        caseTypes.remove(EventType.PARTY_ERASURE_REQUESTED);
        assertThat(simulation.events()).extracting(SimulatedEvent::type)
                .containsAll(caseTypes)
                .containsAll(EventType.ingestedOn("ingest.feedback"))
                .doesNotContain(EventType.PARTY_ERASURE_REQUESTED);
    }

    @Test
    void everyEventsDataIsValidAgainstItsTypesSchema() {
        for (SimulatedEvent event : simulation.events()) {
            assertThat(SCHEMAS.validate(event.type(), event.data())).as(event.id()).isEmpty();
        }
    }

    @Test
    void everyEnvelopeFollowsTheContractsRules() {
        JsonMapper json = JsonMapper.shared();
        Set<String> keys = new HashSet<>();
        for (SimulatedEvent event : simulation.events()) {
            // through text, as a receiver would see it
            JsonNode envelope = json.readTree(json.writeValueAsString(event.toStructured()));
            assertThat(envelope.path("specversion").asString()).isEqualTo(CloudEventAttributes.SPEC_VERSION);
            assertThat(envelope.path("id").asString()).isNotBlank();
            assertThat(URI.create(envelope.path("source").asString()).getPath()).startsWith("/sim-kommune/");
            assertThat(EventType.fromType(envelope.path("type").asString())).hasValueSatisfying(
                    type -> assertThat(type.ingested()).isTrue());
            assertThat(OffsetDateTime.parse(envelope.path("time").asString()).toInstant()).isEqualTo(event.time());
            assertThat(envelope.path("subject").asString()).isNotBlank().hasSizeLessThanOrEqualTo(200)
                    .doesNotContainPattern(CPR_LIKE).doesNotContain("@");
            assertThat(envelope.path("department").asString()).matches(DEPARTMENT);
            assertThat(envelope.path("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(envelope.path("data").isObject()).isTrue();
            assertThat(keys.add(envelope.path("source").asString() + " " + envelope.path("id").asString()))
                    .as("(source, id) is unique").isTrue();
        }
    }

    @Test
    void eachCasesEventsAreInTimeOrderAndStartWithItsOpening() {
        Map<String, Instant> last = new HashMap<>();
        for (SimulatedEvent event : simulation.events()) {
            Instant previous = last.put(event.subject(), event.time());
            if (previous == null) {
                assertThat(event.type()).as(event.subject()).isEqualTo(EventType.CASE_OPENED);
            }
            else {
                assertThat(event.time()).as(event.id()).isAfterOrEqualTo(previous);
            }
        }
    }

    @Test
    void theStreamIsInTimeOrderAndInterleavesCases() {
        List<SimulatedEvent> events = simulation.events();
        int caseChanges = 0;
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
            caseChanges += events.get(i).subject().equals(events.get(i - 1).subject()) ? 0 : 1;
        }
        assertThat(caseChanges).isGreaterThan(events.size() / 2);
    }

    @Test
    void partiesCarrySyntheticCprNumbersAndNamesThatTheGroundTruthNeverNames() {
        Set<String> partyIds = new HashSet<>();
        for (SimulatedEvent event : simulation.events()) {
            if (event.type() == EventType.CASE_OPENED && "citizen".equals(event.data().path("party").path("type").asString())) {
                String id = event.data().path("party").path("id").asString();
                assertThat(id).matches("\\d{10}");
                assertThat(Integer.parseInt(id.substring(0, 2))).as("day + 60").isBetween(61, 91);
                assertThat(event.data().path("party").path("name").asString()).contains(" ");
                partyIds.add(id);
            }
        }
        String truth = simulation.truth().stream().map(TruthFile::toJson).map(Object::toString)
                .reduce("", String::concat);
        assertThat(partyIds).isNotEmpty().noneMatch(truth::contains);
        assertThat(truth).doesNotContainPattern(CPR_LIKE);
    }

    @Test
    void someCommentsAndComplaintsUseTheWordsOfAComplaint() {
        List<String> texts = simulation.events().stream()
                .map(event -> event.data().path("comment").asString(event.data().path("text").asString("")))
                .filter(text -> !text.isEmpty()).toList();
        assertThat(texts).anyMatch(text -> text.contains("Ankestyrelsen"))
                .anyMatch(text -> text.contains("advokat"))
                .anyMatch(text -> text.toLowerCase().contains("ombudsmand"))
                .anyMatch(text -> text.contains("klage"));
    }

    @Test
    void groundTruthHasOneCompleteEntryPerCase() {
        assertThat(simulation.truth()).hasSize(600).allMatch(CaseTruth::complete);
        assertThat(simulation.truth()).extracting(CaseTruth::caseId).doesNotHaveDuplicates();
        assertThat(simulation.truth()).filteredOn(CaseTruth::complained).allMatch(CaseTruth::wouldComplainWithoutCall);
        Set<String> subjects = new HashSet<>();
        simulation.events().forEach(event -> subjects.add(event.subject()));
        assertThat(subjects).hasSize(600);
    }
}
