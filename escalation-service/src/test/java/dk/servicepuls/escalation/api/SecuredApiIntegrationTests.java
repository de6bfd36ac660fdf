package dk.servicepuls.escalation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.testing.ApiCalls;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Who may call what on escalation-service: tokens, departments, and the operations endpoints that stay open. */
@ServiceIntegrationTest
class SecuredApiIntegrationTests {

    @PerTest
    ApiCalls api;

    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void taskListWithoutATokenIsAnUnauthorizedProblemWithABearerChallenge() {
        HttpResponse<String> answer = api.exchange(api.request("/api/v1/tasks?department=" + department, null).GET().build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(answer.headers().firstValue("Set-Cookie")).as("the API keeps no session").isEmpty();
        HttpCalls.Answer problem = new HttpCalls.Answer(answer.statusCode(), "", answer.body());
        assertThat(problem.json().get("status").asInt()).isEqualTo(401);
        assertThat(problem.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/unauthorized");
        assertThat(problem.json().get("instance").asString()).isEqualTo("/api/v1/tasks");
    }

    @Test
    void riskWithoutATokenIsAnUnauthorizedProblem() {
        assertUnauthorizedProblem(api.get("/api/v1/cases/SAG-1/risk", null));
    }

    @Test
    void expiredTokenIsAnUnauthorizedProblemThatSaysWhy() {
        HttpCalls.Answer answer = api.get("/api/v1/tasks?department=" + department, TestTokens.expired(department));

        assertUnauthorizedProblem(answer);
        assertThat(answer.json().get("detail").asString()).containsIgnoringCase("expired");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsUnauthorized() {
        assertUnauthorizedProblem(api.get("/api/v1/tasks?department=" + department, TestTokens.signedByAStranger(department)));
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        assertUnauthorizedProblem(api.get("/api/v1/tasks?department=" + department, TestTokens.fromAnotherIssuer(department)));
    }

    @Test
    void tokenOfTheRightIssuerForAnotherApplicationIsUnauthorizedBecauseOfItsAudience() {
        HttpCalls.Answer answer = api.get("/api/v1/tasks?department=" + department, TestTokens.forAnotherAudience(department));

        assertUnauthorizedProblem(answer);
        assertThat(answer.json().get("detail").asString()).containsIgnoringCase("aud");
    }

    @Test
    void tokenOfTheDepartmentWithoutAServicepulsRoleSeesNeitherTasksNorRisk() {
        String auditor = TestTokens.token("auditor-1", TestTokens.claims(List.of("auditor"), department, null, null));

        for (String path : List.of("/api/v1/tasks?department=" + department, "/api/v1/cases/SAG-1/risk?department=" + department)) {
            HttpCalls.Answer answer = api.get(path, auditor);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/forbidden");
            assertThat(answer.json().get("detail").asString()).contains("no Servicepuls role");
        }
    }

    @Test
    void somethingThatIsNoTokenIsUnauthorized() {
        assertUnauthorizedProblem(api.get("/api/v1/tasks?department=" + department, "not-a-jwt"));
    }

    @Test
    void caseworkerOfTheDepartmentSeesItsTaskList() {
        HttpCalls.Answer answer = api.get("/api/v1/tasks?department=" + department,
                TestTokens.caseworker("cw-1", department, "ydelse-1"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("department").asString()).isEqualTo(department);
        assertThat(answer.json().get("tasks").isArray()).isTrue();
    }

    @Test
    void teamLeadManagerAndScriptOfTheDepartmentSeeItsTaskListToo() {
        for (String token : List.of(TestTokens.teamLead(department, "ydelse-1"), TestTokens.manager(department),
                TestTokens.script(department))) {
            assertThat(api.get("/api/v1/tasks?department=" + department, token).status()).isEqualTo(200);
        }
    }

    @Test
    void callerOfAnotherDepartmentGetsAForbiddenProblem() {
        HttpCalls.Answer answer = api.get("/api/v1/tasks?department=" + department,
                TestTokens.manager(department + "-other"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/forbidden");
        assertThat(answer.json().get("detail").asString()).contains(department + "-other");
    }

    @Test
    void tokenForNoDepartmentSeesNoDepartment() {
        HttpCalls.Answer answer = api.get("/api/v1/tasks?department=" + department,
                TestTokens.token("someone", TestTokens.claims(List.of(Caller.MANAGER), null, null, null)));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthIsOpen() {
        HttpCalls.Answer answer = api.get("/actuator/health", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusAndApiDocsAreOpen() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void otherOperationsEndpointsNeedAToken() {
        assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics", TestTokens.manager(department)).status()).isEqualTo(200);
    }

    private static void assertUnauthorizedProblem(HttpCalls.Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/unauthorized");
    }
}
