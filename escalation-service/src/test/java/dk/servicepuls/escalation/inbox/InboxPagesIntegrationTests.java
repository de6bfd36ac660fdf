package dk.servicepuls.escalation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.escalation.tasks.TaskInbox;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The inbox pages as a signed-in browser gets them (the OIDC sign-in itself is the local mode's browser test): the
 * task an expected rejection creates, claimed and completed through the forms, in Danish or English, and only within
 * the user's own department.
 */
@ServiceIntegrationTest
class InboxPagesIntegrationTests {

    private static final String TEAM = "ydelse-1";

    @Autowired
    WebApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    TaskInbox tasks;

    MockMvc browser;
    BinaryRecords records;
    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    final String caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    String taskId;

    @BeforeEach
    void aRejectionIsPending() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        records = new BinaryRecords(broker.getBrokersAsString(), "escalation-service");
        records.send(Topics.CONTACT_EVENTS, caseId,
                BinaryRecords.headers(UUID.randomUUID().toString(), EventType.CASE_OPENED.type(), caseId, department),
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"},\"team\":\"" + TEAM + "\"}");
        records.send(Topics.CONTACT_EVENTS, caseId,
                BinaryRecords.headers(UUID.randomUUID().toString(), EventType.DECISION_PENDING.type(), caseId, department),
                "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"2036-12-11T12:00:00Z\",\"caseworkerId\":\"cw-1\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.visibleTo(manager(), null, null, List.of()), found -> found.size() == 1);
        taskId = tasks.visibleTo(manager(), null, null, List.of()).get(0).taskId();
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    @Test
    void withoutASessionTheInboxSendsTheBrowserToTheIssuersSignIn() throws Exception {
        MockHttpServletResponse page = browser.perform(get("/inbox")).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/oauth2/authorization/servicepuls");
    }

    @Test
    void aCaseworkerSeesTheirTaskInDanishWithItsReasonsAndTheCaseLink() throws Exception {
        String mine = page(get("/inbox").with(caseworker("cw-1", department)), 200);
        assertThat(mine).contains("<html lang=\"da\"", "Mine opgaver", "Teamets kø", caseId, "Spring til indholdet");

        String task = page(get("/inbox/tasks/" + taskId).with(caseworker("cw-1", department)), 200);
        assertThat(task).contains("Hvorfor denne opgave findes", "Ugunstig afgørelse på vej", "40 point",
                "Samtaleguide", "https://esdh.example.dk/sager/" + caseId, "Tag opgaven");
    }

    @Test
    void englishOnRequestAndFromTheBrowsersLanguage() throws Exception {
        assertThat(page(get("/inbox").param("lang", "en").with(caseworker("cw-1", department)), 200))
                .contains("<html lang=\"en\"", "My tasks", "Team queue");
        assertThat(page(get("/inbox").header("Accept-Language", "en-GB,en;q=0.8")
                .with(caseworker("cw-1", department)), 200)).contains("My tasks");
    }

    @Test
    void claimAndCompleteThroughTheFormsWithAnOutcomeAndARequiredNote() throws Exception {
        assertThat(browser.perform(post("/inbox/tasks/" + taskId + "/claim").with(caseworker("cw-1", department)))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);

        MockHttpServletResponse claimed = browser.perform(post("/inbox/tasks/" + taskId + "/claim")
                .with(caseworker("cw-1", department)).with(csrf())).andReturn().getResponse();
        assertThat(claimed.getRedirectedUrl()).isEqualTo("/inbox/tasks/" + taskId);
        assertThat(tasks.find(manager(), taskId).orElseThrow().claimedBy()).isEqualTo("cw-1");
        assertThat(page(get("/inbox/tasks/" + taskId).with(caseworker("cw-1", department)), 200))
                .contains("Afslut opkaldet", "Hvordan gik opkaldet?", "name=\"outcome\"", "<textarea");

        String withoutNote = page(post("/inbox/tasks/" + taskId + "/complete").param("outcome", "reached_resolved")
                .param("note", " ").with(caseworker("cw-1", department)).with(csrf()), 400);
        assertThat(withoutNote).contains("Skriv et notat om samtalen", "aria-invalid=\"true\"");
        assertThat(tasks.find(manager(), taskId).orElseThrow().status()).isEqualTo("claimed");

        browser.perform(post("/inbox/tasks/" + taskId + "/complete").param("outcome", "reached_resolved")
                .param("note", "Forklarede reglerne; borgeren accepterer.").with(caseworker("cw-1", department))
                .with(csrf()));
        TaskInbox.Entry completed = tasks.find(manager(), taskId).orElseThrow();
        assertThat(completed.status()).isEqualTo("completed");
        assertThat(completed.outcome()).isEqualTo("reached_resolved");
        assertThat(page(get("/inbox/tasks/" + taskId).with(caseworker("cw-1", department)), 200))
                .contains("Afsluttet", "Talt med: sagen er afklaret", "Forklarede reglerne");
    }

    @Test
    void anotherDepartmentsCaseworkerSeesNeitherTheTaskNorItInTheirInbox() throws Exception {
        assertThat(page(get("/inbox").with(caseworker("cw-9", "other-department")), 200)).doesNotContain(caseId);
        assertThat(browser.perform(get("/inbox/tasks/" + taskId).with(caseworker("cw-9", "other-department")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aCaseworkerOfAnotherTeamCanNeitherOpenNorClaimTheTask() throws Exception {
        var otherTeam = oidcLogin().idToken(token -> token.subject("cw-7").claim("roles", List.of("caseworker"))
                .claim("department", department).claim("team", "team-z").claim("caseworker_id", "cw-7"));

        assertThat(browser.perform(get("/inbox/tasks/" + taskId).with(otherTeam)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(browser.perform(post("/inbox/tasks/" + taskId + "/claim").with(otherTeam).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(tasks.visibleTo(manager(), null, null, List.of()).get(0).status()).isEqualTo("open");
    }

    @Test
    void aTaskWithoutATeamIsInTheQueueOfEveryCaseworkerOfTheDepartment() throws Exception {
        String orphan = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
        records.send(Topics.CONTACT_EVENTS, orphan,
                BinaryRecords.headers(UUID.randomUUID().toString(), EventType.CASE_OPENED.type(), orphan, department),
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"}}");
        records.send(Topics.CONTACT_EVENTS, orphan,
                BinaryRecords.headers(UUID.randomUUID().toString(), EventType.DECISION_PENDING.type(), orphan, department),
                "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"2036-12-11T12:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.visibleTo(manager(), null, null, List.of()),
                found -> found.stream().anyMatch(task -> orphan.equals(task.caseId())));

        // the same rule as GET /api/v1/tasks: a task nobody's team has yet is the whole department's
        assertThat(page(get("/inbox").with(caseworker("cw-2", department)), 200)).contains(orphan);
        var otherTeam = oidcLogin().idToken(token -> token.subject("cw-7").claim("roles", List.of("caseworker"))
                .claim("department", department).claim("team", "team-z").claim("caseworker_id", "cw-7"));
        assertThat(page(get("/inbox").with(otherTeam), 200)).contains(orphan).doesNotContain(caseId);
    }

    @Test
    void theTeamLeadSeesTheWorkloadAndACaseworkerMayNot() throws Exception {
        String team = page(get("/inbox/team").with(teamLead(department)), 200);
        assertThat(team).contains("Teamoverblik", "Arbejdsbyrde pr. sagsbehandler", "cw-1");

        assertThat(browser.perform(get("/inbox/team").with(caseworker("cw-1", department))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSessionAndSaysSo() throws Exception {
        MockHttpServletResponse signedOut = browser.perform(post("/logout").with(caseworker("cw-1", department))
                .with(csrf())).andReturn().getResponse();
        assertThat(signedOut.getRedirectedUrl()).isEqualTo("/inbox/signed-out");

        assertThat(page(get("/inbox/signed-out"), 200)).contains("Du er logget ud", "Log ind igen");
    }

    private String page(RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = browser.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static OidcLoginRequestPostProcessor caseworker(String caseworkerId, String department) {
        return oidcLogin().idToken(token -> token.subject(caseworkerId).claim("roles", List.of("caseworker"))
                .claim("department", department).claim("team", TEAM).claim("caseworker_id", caseworkerId));
    }

    /** The department's manager, who sees every task of it: for reading the store's state in assertions. */
    private Caller manager() {
        return new Caller("manager", Set.of(Caller.MANAGER), department, null, null);
    }

    private static OidcLoginRequestPostProcessor teamLead(String department) {
        return oidcLogin().idToken(token -> token.subject("teamlead").claim("roles", List.of("team_lead"))
                .claim("department", department).claim("team", TEAM));
    }
}
