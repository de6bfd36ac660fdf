package dk.servicepuls.escalation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dk.servicepuls.platform.audit.AuditEntry;
import dk.servicepuls.platform.audit.AuditTrail;
import dk.servicepuls.testing.ApiCalls;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AuditTrailIntegrationTests {

    @PerTest
    ApiCalls api;

    @Autowired
    MongoTemplate mongo;

    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyCallOnATaskOrCaseIsAnEntryAManagerCanReadNewestFirstWithTheAnswerItGot() {
        String caseworker = TestTokens.caseworker("sb-7", department, "team-a");
        api.get("/api/v1/tasks?department=" + department, caseworker);
        api.get("/api/v1/tasks/task-404", caseworker);
        api.post("/api/v1/tasks/task-404/claim", caseworker, "application/json", "{}");
        api.get("/api/v1/cases/SAG-9/risk?department=" + department, caseworker);

        List<JsonNode> entries = settled(4);

        assertThat(entries).extracting(entry -> entry.get("action").asString() + " " + entry.get("status").asInt())
                .containsExactly("GET /api/v1/cases/{caseId}/risk 404", "POST /api/v1/tasks/{taskId}/claim 404",
                        "GET /api/v1/tasks/{taskId} 404", "GET /api/v1/tasks 200");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo("sb-7");
            assertThat(entry.get("roles").asString()).isEqualTo("caseworker");
            assertThat(entry.get("department").asString()).isEqualTo(department);
        });
        assertThat(entries.get(0).get("caseId").asString()).isEqualTo("SAG-9");
        assertThat(entries.get(1).get("taskId").asString()).isEqualTo("task-404");
        for (int i = 0; i < entries.size() - 1; i++) {
            assertThat(entries.get(i).get("previousHash").asString()).isEqualTo(entries.get(i + 1).get("hash").asString());
            assertThat(entries.get(i).get("seq").asLong()).isEqualTo(entries.get(i + 1).get("seq").asLong() + 1);
        }
        assertThat(entries.get(entries.size() - 1).get("previousHash").asString()).isEqualTo(AuditEntry.GENESIS);
    }

    @Test
    void onlyTheDepartmentsManagersReadTheTrailAndEvenTheRefusalIsAnEntry() {
        assertThat(api.get("/api/v1/audit?department=" + department, TestTokens.caseworker("sb-1", department, "t"))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit?department=" + department, TestTokens.manager("another-" + department))
                .status()).isEqualTo(403);

        List<JsonNode> entries = settled(1);
        assertThat(entries).extracting(entry -> entry.get("action").asString() + " " + entry.get("status").asInt())
                .containsExactly("GET /api/v1/audit 403");
    }

    @Test
    void aChangedEntryBreaksTheChainFromThatEntryOn() {
        String caseworker = TestTokens.caseworker("sb-2", department, "team-a");
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/tasks/task-" + i, caseworker);
        }
        settled(5);
        HttpCalls.Answer intact = api.get("/api/v1/audit/verification?department=" + department,
                TestTokens.manager(department));
        assertThat(intact.json().get("intact").asBoolean()).isTrue();
        // the five calls, and the manager's reads of the trail
        assertThat(intact.json().get("entries").asLong()).isGreaterThanOrEqualTo(5);

        // someone with access to the store makes entry 3 say another caseworker did it
        mongo.getCollection(AuditTrail.ENTRIES).updateOne(Filters.eq("_id", new Document("d", department).append("s", 3L)),
                Updates.set("actor", "sb-99"));

        HttpCalls.Answer broken = api.get("/api/v1/audit/verification?department=" + department,
                TestTokens.manager(department));
        assertThat(broken.json().get("intact").asBoolean()).isFalse();
        assertThat(broken.json().get("brokenAt").asLong()).isEqualTo(3);
        assertThat(broken.json().get("problem").asString()).contains("does not match its hash");
    }

    @Test
    void aRemovedEntryShowsAsMissing() {
        String caseworker = TestTokens.caseworker("sb-3", department, "team-a");
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/tasks/task-" + i, caseworker);
        }
        settled(3);
        mongo.getCollection(AuditTrail.ENTRIES).deleteOne(Filters.eq("_id", new Document("d", department).append("s", 2L)));

        HttpCalls.Answer broken = api.get("/api/v1/audit/verification?department=" + department,
                TestTokens.manager(department));
        assertThat(broken.json().get("intact").asBoolean()).isFalse();
        assertThat(broken.json().get("brokenAt").asLong()).isEqualTo(2);
    }

    @Test
    void pagesGoBackwardsThroughTheWholeTrailWithoutGapsOrRepeats() {
        String caseworker = TestTokens.caseworker("sb-4", department, "team-a");
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/tasks/task-" + i, caseworker);
        }
        settled(5);
        String manager = TestTokens.manager(department);

        List<Long> seqs = new ArrayList<>();
        String path = "/api/v1/audit?department=" + department + "&limit=3";
        HttpCalls.Answer page = api.get(path, manager);
        while (true) {
            List<JsonNode> entries = entries(page);
            assertThat(entries).hasSizeBetween(1, 3);
            entries.forEach(entry -> seqs.add(entry.get("seq").asLong()));
            if (page.json().get("next").isNull()) {
                break;
            }
            page = api.get(path + "&before=" + page.json().get("next").asLong(), manager);
        }

        assertThat(seqs).hasSizeGreaterThanOrEqualTo(5).isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates().endsWith(1L);
        assertThat(seqs.get(0) - seqs.get(seqs.size() - 1) + 1).isEqualTo(seqs.size());
        assertThat(api.get("/api/v1/audit?department=" + department + "&limit=0", manager).status()).isEqualTo(400);
    }

    /**
     * The trail once it holds {@code count} entries: an entry is written when the answer is complete, which for a
     * large answer may be just after the caller has it. Reading it adds one entry more, after the read.
     */
    private List<JsonNode> settled(int count) {
        List<List<JsonNode>> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<JsonNode> now = entries(api.get("/api/v1/audit?department=" + department, TestTokens.manager(department)))
                    .stream().filter(entry -> !entry.get("action").asString().startsWith("GET /api/v1/audit ")
                            || entry.get("status").asInt() != 200).toList();
            read.add(0, now);
            return now.size() >= count;
        });
        return read.get(0);
    }

    private static List<JsonNode> entries(HttpCalls.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.json().get("entries").forEach(entries::add);
        return entries;
    }
}
