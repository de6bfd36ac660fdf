package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.ServiceUnderTest;
import dk.servicepuls.testing.TestEvents;
import dk.servicepuls.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may publish and read on contact-service: ingest needs a sender's token and keeps it to its departments,
 * sources and rate; a timeline needs a token of the case's department. The senders are those that
 * {@code TestIssuerInitializer} binds.
 */
@ServiceIntegrationTest
class IngestSecurityIntegrationTests {

    private static final String EVENTS = "/api/v1/events";
    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    @PerTest
    HttpCalls http;

    final String caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void eventWithoutATokenIsAnUnauthorizedProblemAndIsNotStored(ServiceUnderTest service) {
        HttpCalls anonymous = new HttpCalls(service.port(), HttpCalls.Bearer.NONE);

        HttpCalls.Answer answer = anonymous.post(EVENTS, STRUCTURED, opened(TestTokens.ESDH_DEPARTMENT).json());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(timeline(TestTokens.ESDH_DEPARTMENT).status()).isEqualTo(404);
    }

    @Test
    void senderThatIsBoundNowhereIsForbiddenWhole() {
        HttpCalls.Answer answer = post(TestTokens.system("unknown-system"), STRUCTURED, opened(TestTokens.ESDH_DEPARTMENT).json());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/forbidden");
        assertThat(answer.json().get("detail").asString()).contains("unknown-system").contains("servicepuls.ingest.clients");
        assertThat(timeline(TestTokens.ESDH_DEPARTMENT).status()).isEqualTo(404);
    }

    @Test
    void senderPublishesForItsOwnDepartmentFromItsOwnSource() {
        HttpCalls.Answer answer = post(TestTokens.system(TestTokens.ESDH_SYSTEM), STRUCTURED, opened(TestTokens.ESDH_DEPARTMENT).json());

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(timeline(TestTokens.ESDH_DEPARTMENT).status()).isEqualTo(200);
    }

    @Test
    void eventForAnotherDepartmentIsForbiddenWithThePointerToTheDepartment() {
        HttpCalls.Answer answer = post(TestTokens.system(TestTokens.ESDH_SYSTEM), STRUCTURED, opened("teknik").json());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/forbidden");
        assertThat(answer.json().get("errors").get(0).get("pointer").asString()).isEqualTo("#/department");
        assertThat(answer.json().get("errors").get(0).get("detail").asString()).contains(TestTokens.ESDH_DEPARTMENT);
        assertThat(timeline("teknik").status()).isEqualTo(404);
    }

    @Test
    void eventFromASourceOutsideTheSendersPrefixesIsForbidden() {
        HttpCalls.Answer answer = post(TestTokens.system(TestTokens.ESDH_SYSTEM), STRUCTURED,
                opened(TestTokens.ESDH_DEPARTMENT).source("/other-kommune/esdh").json());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("errors").get(0).get("pointer").asString()).isEqualTo("#/source");
        assertThat(timeline(TestTokens.ESDH_DEPARTMENT).status()).isEqualTo(404);
    }

    @Test
    void inABatchOnlyTheForbiddenEventIsRefusedAndTheOthersAreStored() {
        TestEvents own = opened(TestTokens.ESDH_DEPARTMENT);
        TestEvents foreign = opened("teknik");

        HttpCalls.Answer answer = post(TestTokens.system(TestTokens.ESDH_SYSTEM), BATCH, TestEvents.batch(own, foreign));

        assertThat(answer.status()).isEqualTo(207);
        JsonNode results = answer.json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(403);
        assertThat(results.get(1).get("problem").get("type").asString()).isEqualTo("https://servicepuls.dk/problems/forbidden");
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(timeline(TestTokens.ESDH_DEPARTMENT).status()).isEqualTo(200);
        assertThat(timeline("teknik").status()).isEqualTo(404);
    }

    @Test
    void senderOverItsRateGetsATooManyRequestsProblemWithRetryAfterAndNothingOfThatRequestIsStored() {
        // 1000 events a second for this sender: a batch of 1000 (of nothing worth storing, so it is quickly answered)
        // takes all of a second's allowance when it is admitted, and the event sent right after it is refused
        String sender = TestTokens.system(TestTokens.SLOW_SYSTEM);
        String filler = "[" + "{},".repeat(999) + "{}]";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpCalls.Answer refused = null;
        String refusedCase = null;
        for (int attempt = 0; refused == null && System.nanoTime() < deadline; attempt++) {
            if (post(sender, BATCH, filler).status() != 207) {
                // refused too: this second's allowance is already partly spent; the next second admits a full batch
                continue;
            }
            String candidate = caseId + "-" + attempt;
            HttpCalls.Answer answer = post(sender, STRUCTURED, opened(TestTokens.ESDH_DEPARTMENT, candidate).json());
            if (answer.status() == 429) {
                refused = answer;
                refusedCase = candidate;
            }
        }

        assertThat(refused).as("an event right after a full second's allowance is refused").isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/rate-limited");
        assertThat(refused.json().get("detail").asString()).contains("1000 events a second");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(http.get("/api/v1/cases/" + refusedCase + "/timeline?department=" + TestTokens.ESDH_DEPARTMENT).status())
                .as("nothing of a refused request is stored").isEqualTo(404);
    }

    @Test
    void timelineNeedsATokenOfTheCasesDepartmentWithAServicepulsRole(ServiceUnderTest service) {
        assertThat(post(TestTokens.system(TestTokens.ESDH_SYSTEM), STRUCTURED, opened(TestTokens.ESDH_DEPARTMENT).json()).status())
                .isEqualTo(202);
        HttpCalls anonymous = new HttpCalls(service.port(), HttpCalls.Bearer.NONE);
        String path = "/api/v1/cases/" + caseId + "/timeline?department=" + TestTokens.ESDH_DEPARTMENT;

        assertThat(anonymous.get(path).status()).isEqualTo(401);
        assertThat(new HttpCalls(service.port(), (method, p) -> TestTokens.manager("teknik")).get(path).status()).isEqualTo(403);
        assertThat(new HttpCalls(service.port(), (method, p) -> TestTokens.system(TestTokens.ESDH_SYSTEM)).get(path).status())
                .as("a sender's token has no Servicepuls role: it publishes, it does not read").isEqualTo(403);
        assertThat(new HttpCalls(service.port(), (method, p) -> TestTokens.caseworker("cw-1", TestTokens.ESDH_DEPARTMENT, "t"))
                .get(path).status()).isEqualTo(200);
    }

    private TestEvents opened(String department) {
        return opened(department, caseId);
    }

    private static TestEvents opened(String department, String caseId) {
        return event("case.opened", caseId, department).source(TestTokens.ESDH_SOURCE + "/sager")
                .data("{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"}}");
    }

    private HttpCalls.Answer post(String token, String contentType, String body) {
        return http.post(EVENTS, Map.of("Content-Type", contentType, "Authorization", "Bearer " + token), body);
    }

    private HttpCalls.Answer timeline(String department) {
        return http.get("/api/v1/cases/" + caseId + "/timeline?department=" + department);
    }
}
