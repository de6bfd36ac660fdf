package dk.servicepuls.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, for the inbox's browser and accessibility tests. Where
 * either is missing the tests are skipped (an assumption), so a build without a browser stays green.
 */
final class Browser implements AutoCloseable {

    /** Debian's paths; {@code -Dchromium=…} and {@code -Dchromedriver=…} name others (or a missing one, to see the skip). */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    /** A fresh profile each time, so no cookie or cache of an earlier test leaks in; Danish, as a caseworker's is. */
    static Browser start(Path profile) {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=da", "--window-size=1280,1024", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "da"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Waits for the element; when it does not come, says where the browser is and what it shows. */
    org.openqa.selenium.WebElement await(By element) {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(element));
        }
        catch (org.openqa.selenium.TimeoutException e) {
            String page = driver.getPageSource();
            throw new AssertionError("No " + element + " on " + driver.getCurrentUrl() + ":\n"
                    + (page == null ? "" : page.substring(0, Math.min(page.length(), 4000))), e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Signs in on the identity-server's own login page, where the inbox sends an unknown browser. */
    void signIn(String inboxUrl, String username, String password) {
        signIn(inboxUrl, username, password, "/inbox");
    }

    /** Signs in on the identity-server's login page from a service's page, and waits to be back on {@code landed}. */
    void signIn(String pageUrl, String username, String password, String landed) {
        open(pageUrl);
        await(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(landed));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /** Saves what the browser shows now as a PNG, for a person to look at after the build. */
    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    /**
     * Runs axe-core (all its rules: WCAG 2.0/2.1 A and AA, and best practices) on the page as it is now.
     *
     * @return each violated rule with its impact and how many elements break it, and how many rules passed
     */
    @SuppressWarnings("unchecked")
    AxeResult axe() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        driver.manage().timeouts().scriptTimeout(WAIT);
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document)
                  .then(r => done({passed: r.passes.length, incomplete: r.incomplete.map(v => v.id + ' on ' + v.nodes.map(n => n.target.join(' ') + ' (' + ((n.any[0] || {}).message || '') + ')').join(', ')), violations: r.violations.map(v => ({id: v.id,
                      impact: v.impact, nodes: v.nodes.length, help: v.help,
                      targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))}))
                  .catch(e => done({passed: 0, incomplete: [], violations: [{id: 'axe-error', impact: 'critical', nodes: 0,
                      help: String(e), targets: ''}]}));
                """);
        return new AxeResult(((Number) result.get("passed")).intValue(),
                (List<Map<String, Object>>) result.get("violations"), (List<String>) result.get("incomplete"));
    }

    /** Prints every page's findings and fails on any serious or critical violation, naming page, rule and elements. */
    static void assertNoSeriousOrCriticalViolations(String what, Map<String, AxeResult> findings) {
        StringBuilder report = new StringBuilder("axe-core findings on " + what + ":\n");
        List<String> serious = new java.util.ArrayList<>();
        findings.forEach((page, result) -> {
            report.append("  ").append(page).append(": ").append(result.passedRules()).append(" rules passed, ")
                    .append(result.violations().size()).append(" violated, to review by hand: ")
                    .append(result.needsReview()).append('\n');
            for (Map<String, Object> violation : result.violations()) {
                String line = violation.get("id") + " (" + violation.get("impact") + ", " + violation.get("nodes")
                        + " element(s)): " + violation.get("help") + " — " + violation.get("targets");
                report.append("    ").append(line).append('\n');
                if (java.util.Set.of("serious", "critical").contains(violation.get("impact"))) {
                    serious.add(page + ": " + line);
                }
            }
        });
        System.out.println(report);
        org.assertj.core.api.Assertions.assertThat(serious).as(report.toString()).isEmpty();
    }

    /** @param needsReview rules axe could not decide on its own (for a person to check), by id */
    record AxeResult(int passedRules, List<Map<String, Object>> violations, List<String> needsReview) {
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
