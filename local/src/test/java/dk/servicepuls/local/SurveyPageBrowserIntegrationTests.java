package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A citizen fills in the survey page in headless Chromium, from the link of a real invitation, and axe-core finds no
 * serious or critical violation on any state of the page: empty, with errors, thank-you, used link, expired link, and
 * in English; a planted violation shows the check can fail.
 */
class SurveyPageBrowserIntegrationTests {

    @TempDir
    static Path dataDir;

    static LocalMode platform;
    static int kafkaPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startThePlatform() {
        Browser.assumeInstalled();
        kafkaPort = FreePorts.find();
        platform = new LocalMode(LocalModeSettings.from(LocalModeIntegrationTests.args(dataDir.resolve("data"), kafkaPort)));
        platform.start();
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCitizenAnswersOnceAndEveryStateOfThePageIsAccessible(@TempDir Path profile) throws Exception {
        String url = invitationLink();
        Map<String, Browser.AxeResult> findings = new LinkedHashMap<>();
        try (Browser browser = Browser.start(profile)) {
            browser.open(url);
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Hvordan gik det?");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
            findings.put("empty form", browser.axe());

            browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.await(By.id("error-summary")).getText()).contains("Svar på mindst ét spørgsmål");
            findings.put("form with its problem shown", browser.axe());

            browser.driver.findElement(By.cssSelector("label[for=csat-4]")).click();
            browser.driver.findElement(By.cssSelector("label[for=ces-2]")).click();
            browser.driver.findElement(By.id("comment")).sendKeys("Venlig og hurtig hjælp, tak");
            browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
            // the form's own h1 stays until the answer's page replaces it: wait for that page's
            browser.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Tak for dit svar"));
            findings.put("thank-you", browser.axe());

            browser.open(url);
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Du har allerede svaret");
            findings.put("used link", browser.axe());

            // a second invitation, not answered: its link as it would be once its time has passed, and in English
            String second = invitationLink();
            browser.open(platform.url(LocalService.FEEDBACK) + "/s/" + expiredToken(invitationIdOf(second)));
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Linket er udløbet");
            findings.put("expired link", browser.axe());

            browser.open(second + "?lang=en");
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("How did it go?");
            findings.put("empty form in English", browser.axe());

            ((JavascriptExecutor) browser.driver).executeScript(
                    "const img = document.createElement('img'); img.src = 'data:,'; document.querySelector('main').appendChild(img);");
            assertThat(browser.axe().violations()).as("axe-core finds a planted image without alt text")
                    .anySatisfy(violation -> assertThat(violation.get("id")).isEqualTo("image-alt"));
        }
        Browser.assertNoSeriousOrCriticalViolations("the survey page", findings);
    }

    /** A case and its contacts on contact-service until the rules' sampling invites one; the link from feedback.events. */
    private String invitationLink() throws Exception {
        String caseId = "BS-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DemoTokens.script(http, platform.url(LocalService.IDENTITY));
        String contact = platform.url(LocalService.CONTACT) + "/api/v1/events";
        post(contact, token, event(caseId, "case.opened",
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"id\":\"" + cprLike() + "\"}}"));
        try (KafkaConsumer<String, String> invitations = consumer()) {
            for (int i = 0; i < 60; i++) {
                post(contact, token, event(caseId, "contact.recorded",
                        "{\"contactId\":\"k-" + i + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}"));
                String link = linkFor(invitations, caseId, Duration.ofMillis(500));
                if (link != null) {
                    return link;
                }
            }
            String link = linkFor(invitations, caseId, Duration.ofSeconds(20));
            assertThat(link).as("one of 60 contacts invited at a sampling of 0.2").isNotNull();
            return link;
        }
    }

    private static String linkFor(KafkaConsumer<String, String> consumer, String caseId, Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                if (caseId.equals(record.key()) && type.equals("dk.servicepuls.survey.invited.v1")) {
                    String value = record.value();
                    int start = value.indexOf("\"surveyUrl\":\"") + "\"surveyUrl\":\"".length();
                    return value.substring(start, value.indexOf('"', start));
                }
            }
        }
        return null;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "survey-browser-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of("feedback.events"));
        return consumer;
    }

    /**
     * A link to the same invitation that expired a minute ago, signed as the service signs links: with the key it
     * derives from the local mode's pseudonym key (SurveyConfiguration), as no link expires within a test's time.
     */
    private static String expiredToken(String invitationId) throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(Base64.getDecoder().decode(
                Files.readString(dataDir.resolve("data").resolve(PseudonymKey.FILE_NAME)).strip()), "HmacSHA256"));
        String key = Base64.getEncoder().encodeToString(derive.doFinal("servicepuls survey links v1".getBytes(StandardCharsets.UTF_8)));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String payload = url.encodeToString((invitationId + "|" + Instant.now().minusSeconds(60).getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        Mac sign = Mac.getInstance("HmacSHA256");
        sign.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return payload + "." + url.encodeToString(sign.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String invitationIdOf(String link) {
        String payload = link.substring(link.lastIndexOf('/') + 1, link.lastIndexOf('.'));
        String decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.lastIndexOf('|'));
    }

    private static String cprLike() {
        return String.format("%010d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L));
    }

    private static String event(String caseId, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kommune/esdh","type":"dk.servicepuls.%s.v1","time":"%s","subject":"%s",
                 "department":"borgerservice","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, Instant.now(), caseId, data);
    }

    private void post(String url, String token, String body) throws Exception {
        int status = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(202);
    }
}
