package dk.servicepuls.simulator.publish;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sender's bearer token from the issuer's token endpoint (OAuth2 client credentials, RFC 6749 §4.4), kept until a
 * minute before it expires and then fetched again, so a long run never sends an expired one.
 */
public final class ClientCredentials implements Supplier<String> {

    /** The local mode's demo sender (the identity-server's application.yml), bound there to every department. */
    public static final String DEMO_CLIENT_ID = "servicepuls-simulator";
    public static final String DEMO_CLIENT_SECRET = "demo-simulator-secret";

    private static final Duration EARLY = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String basic;
    private String token;
    private long renewAt;

    /** @param tokenEndpoint e.g. {@code http://localhost:9000/oauth2/token}, the local mode's identity-server */
    public ClientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** The local mode's demo sender at the identity-server on this base URL, e.g. {@code http://localhost:9000}. */
    public static ClientCredentials demoSender(URI identityServer) {
        return new ClientCredentials(tokenEndpoint(identityServer), DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    /** The identity-server's token endpoint (Spring Authorization Server's path) on this base URL. */
    public static URI tokenEndpoint(URI identityServer) {
        return identityServer.resolve("/oauth2/token");
    }

    /** The current token, fetched when there is none or it is about to expire. */
    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - renewAt >= 0) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The issuer at " + tokenEndpoint + " refused client " + clientId + " ("
                        + response.statusCode() + "): " + response.body());
            }
            JsonNode answer = JsonMapper.shared().readTree(response.body());
            long lifetime = answer.path("expires_in").asLong(300);
            token = answer.path("access_token").asString();
            renewAt = System.nanoTime() + Duration.ofSeconds(lifetime).minus(EARLY).toNanos();
        }
        catch (IOException e) {
            throw new IllegalStateException("No token for client " + clientId + ": the issuer at " + tokenEndpoint
                    + " could not be reached (" + e.getMessage() + ")", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + tokenEndpoint + " for a token", e);
        }
    }
}
