package dk.servicepuls.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox client's redirect URIs follow escalation-service's port ({@code servicepuls.identity.inbox-port}), which
 * the local mode sets to wherever escalation-service runs: the sign-in must come back there and nowhere else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "servicepuls.identity.inbox-port=18083")
class InboxRedirectPortIntegrationTests {

    private static final String CHALLENGE = "tXJ0lcQRN7ctosLvNj3aqKB7RVjOSEuzrB7vUbV-IDY";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theInboxOnTheConfiguredPortIsSentToTheLoginPage() throws Exception {
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            HttpResponse<Void> answer = authorize("http://" + host + ":18083/login/oauth2/code/servicepuls");
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    @Test
    void theDefaultPortIsNoLongerARegisteredRedirect() throws Exception {
        assertThat(authorize("http://localhost:8083/login/oauth2/code/servicepuls").statusCode()).isEqualTo(400);
    }

    private HttpResponse<Void> authorize(String redirectUri) throws Exception {
        String query = "response_type=code&client_id=servicepuls-inbox&scope=openid&state=s-1&code_challenge="
                + CHALLENGE + "&code_challenge_method=S256&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorize?" + query))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
    }
}
