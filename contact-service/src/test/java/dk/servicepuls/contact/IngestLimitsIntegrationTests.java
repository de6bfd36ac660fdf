package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.IngestScenario;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The limits at the door: each refusal is a problem that names the limit and the field, the rest of a batch is
 * stored, and nothing refused gets as far as the relay, which an oversized event once stopped for good.
 */
@ServiceIntegrationTest
class IngestLimitsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONTACT = "\"contactId\":\"k-1\",\"channel\":\"phone\",\"direction\":\"inbound\"";

    @PerTest
    IngestScenario scenario;

    @Test
    void anEventLargerThanTheLimitIsRefusedAndEventsAfterItStillReachTheTopic() {
        var large = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                contact("{" + CONTACT + ",\"padding\":\"" + " ".repeat(1_100_000) + "\"}").json());

        assertThat(large.status()).isEqualTo(400);
        assertThat(pointers(large.json())).containsExactly("#");
        assertThat(large.json().get("errors").get(0).get("detail").asString()).contains("at most 262144")
                .contains("max-event-bytes");

        TestEvents after = contact("{" + CONTACT + "}");
        assertThat(scenario.http.post("/api/v1/events", "application/cloudevents+json", after.json()).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> scenario.published.records(record -> scenario.caseId.equals(record.key())).stream()
                .anyMatch(record -> after.id().equals(RecordedTopic.header(record, "ce_id"))));
    }

    @Test
    void anIntegerOutsideSixtyFourBitsIsRefusedWithItsPointerAndTheRestOfTheBatchIsStored() {
        TestEvents before = contact("{" + CONTACT + "}");
        TestEvents huge = contact("{" + CONTACT + ",\"amount\":123456789012345678901}");
        TestEvents after = contact("{" + CONTACT + ",\"amount\":-9223372036854775808}");

        var answer = scenario.http.post("/api/v1/events", "application/cloudevents-batch+json", TestEvents.batch(before, huge, after));

        assertThat(answer.status()).as(answer.body()).isEqualTo(207);
        JsonNode results = answer.json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(pointers(results.get(1).get("problem"))).containsExactly("#/data/amount");
        assertThat(results.get(2).get("status").asInt()).as("the smallest long is a long").isEqualTo(202);
        assertThat(scenario.http.get("/api/v1/cases/" + scenario.caseId + "/timeline?department=" + scenario.department).json().get("events"))
                .hasSize(2);
    }

    @Test
    void textLongerThanTheContractAllowsIsRefusedInKnownAndUnknownFieldsAlike() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json", contact("{" + CONTACT
                + ",\"note\":\"" + "a".repeat(4001) + "\",\"extra\":{\"inner\":\"" + "b".repeat(4001) + "\"}}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(pointers(answer.json())).contains("#/data/note", "#/data/extra/inner");
        assertThat(answer.json().get("errors").findValuesAsString("detail")).allMatch(detail -> detail.contains("at most 4000"));
    }

    @Test
    void dataNestedDeeperThanTheLimitIsRefusedWhereItGoesTooDeep() {
        String nested = "\"x\"";
        for (int i = 0; i < 12; i++) {
            nested = "{\"level\":" + nested + "}";
        }
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                contact("{" + CONTACT + ",\"deep\":" + nested + "}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(pointers(answer.json())).singleElement().asString().startsWith("#/data/deep/level/level");
        assertThat(answer.json().get("errors").get(0).get("detail").asString()).contains("deeper than 8");
    }

    @Test
    void tooManyFieldsTheContractDoesNotKnowAreRefused() {
        StringBuilder data = new StringBuilder("{" + CONTACT);
        for (int i = 0; i < 51; i++) {
            data.append(",\"unknown").append(i).append("\":1");
        }
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json", contact(data + "}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("detail").asString()).contains("51 fields the contract does not know")
                .contains("at most 50");
    }

    @Test
    void aLongIdOrSourceIsRefusedAndAFieldNameLikeACprNumberIsMaskedInThePointer() {
        var longId = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                contact("{" + CONTACT + "}").id("x".repeat(201)).json());
        assertThat(longId.status()).isEqualTo(400);
        assertThat(pointers(longId.json())).containsExactly("#/id");

        // source is a URI-reference to the SDK, not a string, and held to the same limit
        var longSource = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                contact("{" + CONTACT + "}").json().replace(TestEvents.SOURCE, "/" + "s".repeat(300)));
        assertThat(longSource.status()).isEqualTo(400);
        assertThat(pointers(longSource.json())).containsExactly("#/source");

        var cprKey = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                contact("{" + CONTACT + ",\"2101901234\":\"" + "c".repeat(4001) + "\"}").json());
        assertThat(cprKey.status()).isEqualTo(400);
        assertThat(cprKey.body()).doesNotContain("2101901234");
        assertThat(pointers(cprKey.json())).containsExactly("#/data/[CPR]");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAProblemAndNothingIsStored() {
        List<TestEvents> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(contact("{" + CONTACT + ",\"note\":\"" + "n".repeat(3900) + "\",\"more\":[\""
                    + String.join("\",\"", java.util.Collections.nCopies(60, "m".repeat(3900))) + "\"]}"));
        }
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents-batch+json",
                TestEvents.batch(events.toArray(TestEvents[]::new)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).endsWith("/body-too-large");
        assertThat(answer.json().get("detail").asString()).contains("8388608");
        assertThat(scenario.http.get("/api/v1/cases/" + scenario.caseId + "/timeline?department=" + scenario.department).status()).isEqualTo(404);
    }

    private TestEvents contact(String data) {
        return event("contact.recorded", scenario.caseId, scenario.department).data(data);
    }

    private static List<String> pointers(JsonNode problem) {
        return problem.get("errors").findValuesAsString("pointer");
    }
}
