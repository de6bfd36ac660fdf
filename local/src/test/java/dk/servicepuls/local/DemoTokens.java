package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the README's curl does: a client-credentials token for a demo client of the identity server. */
final class DemoTokens {

    private DemoTokens() {
    }

    /** The script client: a manager's view of borgerservice, and a sender for it (sources /kommune, /interop, ...). */
    static String script(HttpClient http, String identityServer) throws IOException, InterruptedException {
        return token(http, identityServer, "servicepuls-cli:demo-cli-secret");
    }

    /** The simulator's client: a sender for every department at any rate, that reads nothing. */
    static String simulator(HttpClient http, String identityServer) throws IOException, InterruptedException {
        return token(http, identityServer, "servicepuls-simulator:demo-simulator-secret");
    }

    private static String token(HttpClient http, String identityServer, String client) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(identityServer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(token.find()).as(answer.body()).isTrue();
        return token.group(1);
    }
}
