package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The management dashboard in a real browser after a simulated municipality has gone through the local mode: the
 * borgerservice manager signs in on the identity-server's login page, every chart draws data from its table (and its
 * canvas is not blank), the team and period pickers change the figures, the CSV link downloads the same query, and
 * axe-core finds no serious or critical accessibility problem in Danish or English or with a problem shown. A
 * screenshot goes to {@code target/dashboard.png}. Skipped without Chromium and chromedriver.
 */
class DashboardBrowserIntegrationTests {

    static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @TempDir
    static Path dataDir;

    static LocalMode platform;
    static String dashboard;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void simulateAMunicipality() throws Exception {
        Browser.assumeInstalled();
        List<String> args = new ArrayList<>(List.of(LocalModeIntegrationTests.args(dataDir.resolve("data"))));
        args.add("--servicepuls.local.simulate=cases=300,rate=max,seed=5");
        platform = new LocalMode(LocalModeSettings.from(args.toArray(String[]::new)));
        platform.start();
        platform.simulation().orElseThrow().start();
        dashboard = platform.url(LocalService.ANALYTICS) + "/dashboard";
        HttpClient http = HttpClient.newHttpClient();
        String token = DemoTokens.script(http, platform.url(LocalService.IDENTITY));
        // the simulation is through when borgerservice's KPIs stop growing
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            String kpis = http.send(HttpRequest.newBuilder(URI.create(platform.url(LocalService.ANALYTICS)
                    + "/api/v1/kpis?granularity=month")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long size = kpis.length();
            boolean settled = size == last[0] && kpis.contains("\"callCoverage\":{\"value\":0.");
            last[0] = size;
            return settled;
        });
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theManagerSeesEveryChartDrawnWithDataAndCanPickATeamAPeriodAndDownloadTheCsv(@TempDir Path profile)
            throws Exception {
        try (Browser browser = Browser.start(profile)) {
            // by month, so that every chart's figures rest on enough cases to be shown
            browser.signIn(dashboard + "?granularity=month", "manager", "demo-manager", "/dashboard");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ledelsesoverblik");

            List<WebElement> canvases = browser.driver.findElements(By.cssSelector("canvas[data-table]"));
            assertThat(canvases).hasSize(6);
            for (WebElement canvas : canvases) {
                browser.wait.until(ExpectedConditions.attributeToBeNotEmpty(canvas, "data-drawn"));
            }
            Map<String, Long> drawn = drawnValues(browser);
            assertThat(drawn).as("values each chart drew").hasSize(6).allSatisfy((chart, values) -> assertThat(values)
                    .as(chart).isPositive());
            assertThat(paintedPixels(browser)).as("pixels painted on each canvas").allSatisfy((chart, pixels) ->
                    assertThat(pixels).as(chart).isGreaterThan(2_000));
            String departmentsContacts = contactsTable(browser);
            // tall enough for the whole page, charts and tables
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 4200));
            browser.screenshot(SCREENSHOT);
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
            System.out.println("dashboard screenshot: " + SCREENSHOT.toAbsolutePath() + ", values drawn per chart: "
                    + drawn);

            // one team: its figures are a part of the department's
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("team"))).selectByValue("ydelse-1");
            browser.driver.findElement(By.cssSelector("#query button[type=submit]")).click();
            browser.wait.until(ExpectedConditions.urlContains("team=ydelse-1"));
            assertThat(browser.await(By.cssSelector("p.intro")).getText()).contains("team ydelse-1");
            WebElement contacts = browser.driver.findElement(By.cssSelector("#chart-contacts canvas"));
            browser.wait.until(ExpectedConditions.attributeToBeNotEmpty(contacts, "data-drawn"));
            assertThat(contactsTable(browser)).isNotEqualTo(departmentsContacts);
            assertThat(browser.driver.findElement(By.id("granularity")).getAttribute("value")).isEqualTo("month");

            String csvLink = browser.driver.findElement(By.id("csv")).getAttribute("href");
            assertThat(csvLink).contains("team=ydelse-1", "granularity=month");
            String csv = (String) browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done(String(e)));
                    """, csvLink);
            assertThat(csv).startsWith("department,team,periodStart,periodEnd,kpi,value,n,suppressed")
                    .contains("borgerservice,ydelse-1,", ",contacts,");
        }
    }

    @Test
    void dashboardPagesHaveNoSeriousOrCriticalAccessibilityViolations(@TempDir Path profile) {
        Map<String, Browser.AxeResult> findings = new LinkedHashMap<>();
        try (Browser browser = Browser.start(profile)) {
            browser.signIn(dashboard, "manager", "demo-manager", "/dashboard");
            browser.wait.until(ExpectedConditions.attributeToBeNotEmpty(
                    browser.driver.findElement(By.cssSelector("#chart-contacts canvas")), "data-drawn"));
            // the tables under the charts open, so axe checks them too
            browser.driver.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
            findings.put("dashboard (/dashboard)", browser.axe());

            browser.open(dashboard + "?lang=en&granularity=month");
            browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            findings.put("dashboard in English, by month", browser.axe());

            browser.open(dashboard + "?from=not-a-date");
            browser.await(By.id("query-problem"));
            findings.put("dashboard with a problem in the query", browser.axe());

            browser.driver.executeScript("document.getElementById('main').appendChild(document.createElement('img'))");
            assertThat(browser.axe().violations()).as("axe-core finds a planted image without alt text")
                    .anySatisfy(violation -> assertThat(violation).containsEntry("id", "image-alt"));
        }
        Browser.assertNoSeriousOrCriticalViolations("the dashboard", findings);
    }

    @Test
    void aCaseworkerIsToldTheDashboardIsNotForThem(@TempDir Path profile) {
        try (Browser browser = Browser.start(profile)) {
            browser.signIn(dashboard, "caseworker1", "demo-caseworker1", "/dashboard");
            assertThat(browser.await(By.id("forbidden")).getText()).contains("for ledere og teamledere");
            assertThat(browser.driver.findElements(By.cssSelector("canvas"))).isEmpty();
        }
    }

    private static String contactsTable(Browser browser) {
        return (String) browser.driver.executeScript("return document.querySelector('#table-contacts tbody').textContent");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> drawnValues(Browser browser) {
        return (Map<String, Long>) browser.driver.executeScript("""
                const drawn = {};
                document.querySelectorAll('canvas[data-table]').forEach(c => {
                  const chart = Chart.getChart(c);
                  drawn[c.closest('figure').id] = chart.data.datasets.flatMap(d => d.data).filter(v => v !== null).length;
                });
                return drawn;""");
    }

    /** Pixels that are not transparent on each canvas: a chart that drew axes, lines and bars. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> paintedPixels(Browser browser) {
        return (Map<String, Long>) browser.driver.executeScript("""
                const painted = {};
                document.querySelectorAll('canvas[data-table]').forEach(c => {
                  const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0;
                  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { n++; } }
                  painted[c.closest('figure').id] = n;
                });
                return painted;""");
    }
}
