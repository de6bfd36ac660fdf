package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform: a citizen's comment "jeg vil klage over afgørelsen" on feedback-service is analysed, reaches
 * escalation-service as feedback.analyzed, and puts a call in the inbox at once, with the words as the reason.
 */
class CommentBecomesATaskIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCommentThatSaysAComplaintIsComingPutsACallInTheInboxWithTheWordsAsItsReason(@TempDir Path dataDir)
            throws Exception {
        try (LocalMode platform = new LocalMode(LocalModeSettings.from(LocalModeIntegrationTests.args(dataDir)))) {
            platform.start();
            String token = DemoTokens.script(http, platform.url(LocalService.IDENTITY));
            String contact = platform.url(LocalService.CONTACT) + "/api/v1/events";
            String escalation = platform.url(LocalService.ESCALATION);
            assertThat(post(contact, event("c-1", "case.opened", "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"}}"), token))
                    .isEqualTo(202);
            // an approval is expected: no call on that account
            assertThat(post(contact, event("c-2", "decision.pending", "{\"expectedOutcome\":\"approved\",\"dueAt\":\""
                    + Instant.now().plus(Duration.ofDays(10)) + "\"}"), token)).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(escalation
                    + "/api/v1/cases/BS-7/risk?department=borgerservice", token)).contains("\"score\""));
            assertThat(get(escalation + "/api/v1/tasks?department=borgerservice", token)).doesNotContain("BS-7");

            Instant sent = Instant.now();
            assertThat(post(platform.url(LocalService.FEEDBACK) + "/api/v1/events", event("f-1", "feedback.submitted",
                    "{\"feedbackId\":\"svar-1\",\"csat\":1,\"comment\":\"Jeg vil klage over afgørelsen, det er helt urimeligt\",\"language\":\"da\"}"),
                    token)).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(escalation
                    + "/api/v1/tasks?department=borgerservice", token)).contains("\"caseId\":\"BS-7\"", "complaint_intent"));
            System.out.printf("comment accepted → call in the inbox: %d ms%n", Duration.between(sent, Instant.now()).toMillis());
            assertThat(get(escalation + "/api/v1/cases/BS-7/risk?department=borgerservice", token))
                    .contains("»klage over afgørelsen«");
        }
    }

    private static String event(String id, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kommune/esdh","type":"dk.servicepuls.%s.v1","time":"%s","subject":"BS-7",
                 "department":"borgerservice","datacontenttype":"application/json","data":%s}""".formatted(id, type, Instant.now(), data);
    }

    private int post(String url, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
