package dk.servicepuls.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.ServiceUnderTest;
import dk.servicepuls.testing.TestTokens;
import org.junit.jupiter.api.Test;

@ServiceIntegrationTest
class AnalysisApiIntegrationTests {

    private static final String JSON = "application/json";

    @Test
    void aTextIsAnsweredWithItsLanguageSentimentIntentSignalsAndTopics(ServiceUnderTest service) {
        HttpCalls caseworker = new HttpCalls(service.port(),
                (method, path) -> TestTokens.caseworker("sb-1", "borgerservice", "team-a"));

        HttpCalls.Answer answer = caseworker.post("/api/v1/analysis", JSON,
                "{\"text\":\"Jeg vil klage over afgørelsen, sagsbehandlingstiden er helt urimelig\"}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode analysis = answer.json();
        assertThat(analysis.get("language").asText()).isEqualTo("da");
        assertThat(analysis.get("sentiment").asText()).isEqualTo("negative");
        assertThat(analysis.get("score").asDouble()).isNegative();
        assertThat(analysis.get("complaintIntent").asBoolean()).isTrue();
        assertThat(analysis.get("intentKinds").toString()).isEqualTo("[\"appeal\"]");
        assertThat(analysis.get("signals").toString()).contains("\"kind\":\"appeal\"", "\"words\":\"klage over afgørelsen\"");
        assertThat(analysis.get("topics").toString()).contains("processing-time", "decision-disagreement");
    }

    @Test
    void theLanguageGivenIsTheOneReadIn(ServiceUnderTest service) {
        HttpCalls.Answer answer = new HttpCalls(service).post("/api/v1/analysis", JSON,
                "{\"text\":\"super\",\"language\":\"en\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("language").asText()).isEqualTo("en");
    }

    @Test
    void aMissingTooLongOrUnreadableTextOrAnUnknownLanguageIsAProblem(ServiceUnderTest service) {
        HttpCalls calls = new HttpCalls(service);

        HttpCalls.Answer blank = calls.post("/api/v1/analysis", JSON, "{\"text\":\"  \"}");
        HttpCalls.Answer tooLong = calls.post("/api/v1/analysis", JSON,
                "{\"text\":\"" + "a".repeat(TextAnalyzer.MAX_CHARACTERS + 1) + "\"}");
        HttpCalls.Answer language = calls.post("/api/v1/analysis", JSON, "{\"text\":\"hej\",\"language\":\"sv\"}");
        HttpCalls.Answer malformed = calls.post("/api/v1/analysis", JSON, "{\"text\":");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.json().get("type").asText()).endsWith("/invalid-text");
        assertThat(blank.json().get("pointer").asText()).isEqualTo("/text");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("type").asText()).endsWith("/text-too-long");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().get("type").asText()).endsWith("/unsupported-language");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withoutATokenTheAnalysisIsRefused(ServiceUnderTest service) {
        HttpCalls anonymous = new HttpCalls(service.port(), HttpCalls.Bearer.NONE);

        assertThat(anonymous.post("/api/v1/analysis", JSON, "{\"text\":\"hej\"}").status()).isEqualTo(401);
    }
}
