package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web inbox in a real browser against the whole platform on free ports: a caseworker signs in on the
 * identity-server's login page (authorization code with PKCE), finds the task that an expected rejection created,
 * claims it and completes it with an outcome and a note; and axe-core finds no serious or critical accessibility
 * problem on the inbox's pages. Skipped without Chromium and chromedriver.
 */
class InboxBrowserIntegrationTests {


    @TempDir
    static Path dataDir;

    static LocalMode platform;
    static String inbox;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startThePlatform() {
        Browser.assumeInstalled();
        platform = new LocalMode(LocalModeSettings.from(LocalModeIntegrationTests.args(dataDir.resolve("data"))));
        platform.start();
        inbox = platform.url(LocalService.ESCALATION) + "/inbox";
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void caseworkerSignsInClaimsAndCompletesTheTaskOfAnExpectedRejection(@TempDir Path profile) throws Exception {
        String caseId = expectedRejection("caseworker1");
        try (Browser browser = Browser.start(profile)) {
            browser.signIn(inbox, "caseworker1", "demo-caseworker1");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            WebElement row = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#mine-tasks tr[data-case-id='" + caseId + "']")));
            String taskId = row.getAttribute("data-task-id");
            row.findElement(By.tagName("a")).click();

            browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
            browser.await(By.id("done"));
            assertThat(browser.driver.findElement(By.id("task-status")).getText()).isEqualTo("Taget");

            // without a note the call is not completed, and the form says why
            browser.driver.findElement(By.id("outcome-0")).click();
            browser.driver.findElement(By.id("complete")).click();
            assertThat(browser.await(By.id("note-error")).getText())
                    .isEqualTo("Skriv et notat om samtalen.");

            browser.driver.findElement(By.id("outcome-0")).click();
            browser.driver.findElement(By.id("note")).sendKeys("Forklarede reglerne og fristen; borgeren accepterer.");
            browser.driver.findElement(By.id("complete")).click();
            browser.wait.until(ExpectedConditions.textToBe(By.id("task-status"), "Afsluttet"));
            assertThat(browser.driver.findElement(By.id("task-outcome")).getText())
                    .isEqualTo("Talt med: sagen er afklaret");

            String task = get(platform.url(LocalService.ESCALATION) + "/api/v1/tasks/" + taskId,
                    DemoTokens.script(http, platform.url(LocalService.IDENTITY)));
            assertThat(task).contains("\"status\":\"completed\"", "\"outcome\":\"reached_resolved\"",
                    "\"claimedBy\":\"caseworker1\"", "borgeren accepterer");
        }
    }

    @Test
    void aCommentThatSaysAComplaintIsComingShowsItsWordsAsTheTasksReason(@TempDir Path profile) throws Exception {
        String caseId = expectedRejection("caseworker1");
        String token = DemoTokens.script(http, platform.url(LocalService.IDENTITY));
        assertThat(post(platform.url(LocalService.FEEDBACK) + "/api/v1/events", token, event(caseId,
                "dk.servicepuls.feedback.submitted.v1", "{\"feedbackId\":\"svar-" + caseId + "\",\"comment\":"
                        + "\"Jeg vil klage over afgørelsen, det er helt urimeligt\",\"language\":\"da\"}"))).isEqualTo(202);
        await().atMost(Browser.WAIT).untilAsserted(() -> assertThat(get(platform.url(LocalService.ESCALATION)
                + "/api/v1/cases/" + caseId + "/risk?department=borgerservice", token)).contains("»klage over afgørelsen«"));

        try (Browser browser = Browser.start(profile)) {
            browser.signIn(inbox, "caseworker1", "demo-caseworker1");
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#mine-tasks tr[data-case-id='" + caseId + "']"))).findElement(By.tagName("a")).click();
            browser.await(By.id("claim"));

            assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("En kommentar tyder på, at en klage er på vej: »klage over afgørelsen«.");
        }
    }

    @Test
    void signingOutOfTheInboxSignsOutOfTheIssuerSoTheNextPersonMustSignInAsThemselves(@TempDir Path profile) {
        try (Browser browser = Browser.start(profile)) {
            browser.signIn(inbox, "caseworker1", "demo-caseworker1");
            assertThat(browser.driver.findElement(By.cssSelector("form.signout span")).getText()).contains("caseworker1");

            browser.driver.findElement(By.cssSelector("form.signout button")).click();
            browser.wait.until(ExpectedConditions.urlContains("/inbox/signed-out"));

            // the same browser, the next person: the issuer asks who they are instead of signing caseworker1 in again
            browser.signIn(inbox, "caseworker2", "demo-caseworker2");
            assertThat(browser.driver.findElement(By.cssSelector("form.signout span")).getText()).contains("caseworker2")
                    .doesNotContain("caseworker1");
        }
    }

    @Test
    void inboxPagesHaveNoSeriousOrCriticalAccessibilityViolations(@TempDir Path profile) throws Exception {
        String caseId = expectedRejection("caseworker2");
        Map<String, Browser.AxeResult> findings = new java.util.LinkedHashMap<>();
        try (Browser browser = Browser.start(profile.resolve("caseworker"))) {
            browser.signIn(inbox, "caseworker2", "demo-caseworker2");
            WebElement row = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#mine-tasks tr[data-case-id='" + caseId + "']")));
            findings.put("caseworker view (/inbox)", browser.axe());

            row.findElement(By.tagName("a")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
            browser.await(By.id("complete-form"));
            findings.put("task detail with the completion form", browser.axe());

            browser.driver.findElement(By.id("complete")).click();
            browser.await(By.id("complete-errors"));
            findings.put("completion form with its problems shown", browser.axe());

            browser.open(inbox + "?lang=en");
            browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            findings.put("caseworker view in English", browser.axe());
        }
        try (Browser browser = Browser.start(profile.resolve("teamlead"))) {
            browser.signIn(inbox + "/team", "teamlead", "demo-teamlead");
            browser.await(By.id("workload"));
            findings.put("team-lead view (/inbox/team)", browser.axe());

            // the check itself must be able to fail: an image without a text alternative is a critical violation
            browser.driver.executeScript("document.getElementById('main').appendChild(document.createElement('img'))");
            assertThat(browser.axe().violations()).as("axe-core finds a planted image without alt text")
                    .anySatisfy(violation -> assertThat(violation).containsEntry("id", "image-alt")
                            .containsEntry("impact", "critical"));
        }

        Browser.assertNoSeriousOrCriticalViolations("the inbox", findings);
    }

    /** A case of team ydelse-1 heading for a rejection, as the department's case system reports it. */
    private String expectedRejection(String caseworkerId) throws Exception {
        String caseId = "BS-" + UUID.randomUUID().toString().substring(0, 8);
        String contact = platform.url(LocalService.CONTACT) + "/api/v1/events";
        String token = DemoTokens.script(http, platform.url(LocalService.IDENTITY));
        assertThat(post(contact, token, event(caseId, "dk.servicepuls.case.opened.v1",
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"id\":\"0101901234\"},\"team\":\"ydelse-1\","
                        + "\"caseworkerId\":\"" + caseworkerId + "\"}"))).isEqualTo(202);
        assertThat(post(contact, token, event(caseId, "dk.servicepuls.decision.pending.v1",
                "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(14))
                        + "\",\"caseworkerId\":\"" + caseworkerId + "\"}"))).isEqualTo(202);
        await().atMost(Browser.WAIT).untilAsserted(() -> assertThat(
                get(platform.url(LocalService.ESCALATION) + "/api/v1/tasks?department=borgerservice", token))
                .contains("\"caseId\":\"" + caseId + "\""));
        return caseId;
    }

    private static String event(String caseId, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kommune/esdh","type":"%s","time":"%s","subject":"%s",
                 "department":"borgerservice","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, Instant.now(), caseId, data);
    }

    private int post(String url, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

}
