package dk.servicepuls.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
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
 * The dashboard as a signed-in browser gets it (the OIDC sign-in itself, the charts and axe-core are the local mode's
 * browser test): the KPIs of the events on the topics as tables in Danish or English, the CSV download, and only for
 * the managers and team leads of the signed-in person's own department.
 */
@ServiceIntegrationTest
class DashboardPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    MockMvc browser;
    BinaryRecords records;
    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void sixCasesOfTwoTeamsWithACallEach() throws Exception {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        records = new BinaryRecords(broker.getBrokersAsString(), "analytics-service");
        for (int i = 1; i <= 6; i++) {
            String caseId = "SAG-" + i;
            send(caseId, EventType.CASE_OPENED, "{\"caseType\":\"pas\",\"team\":\"" + (i <= 5 ? "t-1" : "t-2")
                    + "\",\"party\":{\"type\":\"citizen\"}}");
            send(caseId, EventType.CONTACT_RECORDED, "{\"contactId\":\"c-" + i + "\",\"channel\":\"phone\","
                    + "\"direction\":\"inbound\",\"waitSeconds\":" + 60 * i + ",\"resolvedOnFirstContact\":" + (i <= 3) + "}");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kpi(page(get("/dashboard")
                .with(manager()), 200), "contacts")).isEqualTo("6"));
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    @Test
    void withoutASessionTheDashboardSendsTheBrowserToTheIssuersSignIn() throws Exception {
        MockHttpServletResponse page = browser.perform(get("/dashboard")).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/oauth2/authorization/servicepuls");
    }

    @Test
    void aManagerSeesTheDepartmentsKpisChartTablesRulesMaturityAndEffectInDanish() throws Exception {
        String page = page(get("/dashboard").with(manager()), 200);

        assertThat(page).contains("<html lang=\"da\"", "Ledelsesoverblik", "Afdeling " + department,
                "Løst ved første henvendelse", "<td>50,0 %</td>", // 3 of 6 resolved
                "Ventetid, gennemsnit", "<td>3,5 min</td>", // (1 + … + 6) / 6 minutes
                "De ni regler for god borgerservice", "Alt leveret første gang", "Servicemodenhed", "Niveau 1 af 5",
                "Effekten af proaktive opkald", "Observationelt", "canvas role=\"img\"", "data-table=\"table-contacts\"",
                "/webjars/chart.js/dist/chart.umd.js");
        assertThat(page).as("the team picker lists the department's teams")
                .contains("<option value=\"t-1\">t-1</option>", "<option value=\"t-2\">t-2</option>");
        assertThat(page).as("no case id reaches the page").doesNotContain("SAG-1");
    }

    @Test
    void aFigureOnFewerThanFiveIsWithheldForATeam() throws Exception {
        String team2 = page(get("/dashboard").param("team", "t-2").with(manager()), 200);
        assertThat(team2).contains("team t-2", "skjult (for få)").doesNotContain("<td>6,0 min</td>");

        String team1 = page(get("/dashboard").param("team", "t-1").with(manager()), 200);
        assertThat(team1).contains("<td>3,0 min</td>"); // (1 + … + 5) / 5
    }

    @Test
    void englishOnRequestKeepingTheQuery() throws Exception {
        String page = page(get("/dashboard?granularity=month&lang=en").with(manager()), 200);

        assertThat(page).contains("<html lang=\"en\"", "Management dashboard", "Resolved on first contact",
                "<td>50.0 %</td>", "The nine rules of good citizen service", "lang=da");
        assertThat(page).containsPattern("href=\"/dashboard\\?granularity=month&amp;lang=da\"");
    }

    @Test
    void anInvalidQueryShowsTheFormWithTheProblemAndNoFigures() throws Exception {
        String page = page(get("/dashboard").param("from", "1.12.2026").with(manager()), 400);

        assertThat(page).contains("En dato kan ikke læses", "id=\"from\"", "aria-invalid=\"true\"")
                .doesNotContain("data-kpi=");
    }

    @Test
    void theCsvDownloadHasTheQuerysRows() throws Exception {
        MockHttpServletResponse csv = browser.perform(get("/dashboard/kpis.csv").param("granularity", "month")
                .with(manager())).andReturn().getResponse();

        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=\"kpis-" + department);
        assertThat(csv.getContentAsString()).startsWith("department,team,periodStart,periodEnd,kpi,value,n,suppressed")
                .contains(department + ",,").contains(",contacts,6.0000,6,false");
    }

    @Test
    void aTeamLeadSeesOnlyTheirTeamAndACaseworkerOrAnotherDepartmentNothing() throws Exception {
        var lead = oidcLogin().idToken(token -> token.subject("lead").claim("roles", List.of("team_lead"))
                .claim("department", department).claim("team", "t-1"));
        assertThat(page(get("/dashboard").param("team", "t-2").with(lead), 200)).contains("team t-1", "<td>3,0 min</td>");

        var caseworker = oidcLogin().idToken(token -> token.subject("cw-1").claim("roles", List.of("caseworker"))
                .claim("department", department).claim("team", "t-1"));
        assertThat(page(get("/dashboard").with(caseworker), 403)).contains("for ledere og teamledere")
                .doesNotContain("data-kpi=");
        assertThat(browser.perform(get("/dashboard/kpis.csv").with(caseworker)).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        var otherManager = oidcLogin().idToken(token -> token.subject("m2").claim("roles", List.of("manager"))
                .claim("department", "another-department"));
        String other = page(get("/dashboard").param("department", department).with(otherManager), 200);
        assertThat(other).contains("Afdeling another-department").doesNotContain("<td>3,5 min</td>");
        assertThat(kpi(other, "contacts")).isEqualTo("0");
    }

    @Test
    void chartJsIsServedFromItsWebJarWithoutSigningIn() throws Exception {
        MockHttpServletResponse script = browser.perform(get("/webjars/chart.js/dist/chart.umd.js")).andReturn()
                .getResponse();

        assertThat(script.getStatus()).isEqualTo(200);
        assertThat(script.getContentAsString()).contains("Chart.js v4");
    }

    /** The value the KPI table shows for the KPI over the whole range. */
    private static String kpi(String page, String code) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr data-kpi=\"" + code
                + "\">\\s*<th scope=\"row\">[^<]*</th>\\s*<td>([^<]*)</td>").matcher(page);
        assertThat(row.find()).as("a row for " + code).isTrue();
        return row.group(1);
    }

    private OidcLoginRequestPostProcessor manager() {
        return oidcLogin().idToken(token -> token.subject("manager").claim("roles", List.of("manager"))
                .claim("department", department));
    }

    private String page(RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = browser.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void send(String caseId, EventType type, String data) {
        records.send(type.publishedTopic(), caseId,
                BinaryRecords.headers(UUID.randomUUID().toString(), type.type(), caseId, department), data);
    }
}
