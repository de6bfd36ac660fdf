package dk.servicepuls.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.testing.ApiCalls;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who read which case's timeline is in contact-service's audit trail, for the department's managers. */
@ServiceIntegrationTest
class TimelineAuditIntegrationTests {

    @PerTest
    ApiCalls api;

    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void readingACasesTimelineIsAnEntryWithTheCaseAndTheAnswer() {
        api.get("/api/v1/cases/SAG-42/timeline?department=" + department, TestTokens.caseworker("sb-5", department, "t-1"));

        List<JsonNode> entries = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpCalls.Answer answer = api.get("/api/v1/audit?department=" + department, TestTokens.manager(department));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            entries.clear();
            answer.json().get("entries").forEach(entries::add);
            return !entries.isEmpty();
        });

        JsonNode read = entries.get(entries.size() - 1);
        assertThat(read.get("action").asString()).isEqualTo("GET /api/v1/cases/{caseId}/timeline");
        assertThat(read.get("caseId").asString()).isEqualTo("SAG-42");
        assertThat(read.get("actor").asString()).isEqualTo("sb-5");
        assertThat(read.get("status").asInt()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit/verification?department=" + department, TestTokens.manager(department))
                .json().get("intact").asBoolean()).isTrue();
    }
}
