package dk.servicepuls.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer as the services and the README's curl see it: over plain HTTP, on a port of its own, with the demo
 * users and clients of application.yml. Tokens are checked the way a resource server checks them (the issuer's
 * discovery document, its key set, the iss claim).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServerIntegrationTests {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final String INBOX_REDIRECT = "http://localhost:8083/login/oauth2/code/servicepuls";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndItsEndpoints() throws Exception {
        HttpResponse<String> answer = get("/.well-known/openid-configuration");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(answer.body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.get("grant_types_supported").valueStream().map(JsonNode::asString))
                .contains("authorization_code", "client_credentials");
        assertThat(discovery.get("code_challenge_methods_supported").valueStream().map(JsonNode::asString))
                .contains("S256");
    }

    @Test
    void scriptClientGetsASignedJwtThatReadsLikeABorgerserviceManager() throws Exception {
        HttpResponse<String> answer = token("servicepuls-cli", "demo-cli-secret", "grant_type=client_credentials");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isGreaterThan(25 * 60);
        Jwt jwt = resourceServerDecoder().decode(body.get("access_token").asString());
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("servicepuls-cli");
        assertThat(jwt.getAudience()).as("the services accept only the Servicepuls audience")
                .containsExactlyInAnyOrder("servicepuls-cli", "servicepuls");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("manager");
        assertThat(jwt.getClaimAsString("department")).isEqualTo("borgerservice");
        assertThat(jwt.hasClaim("team")).isFalse();
        assertThat(jwt.hasClaim("caseworker_id")).isFalse();
    }

    @Test
    void unknownClientIsRefused() throws Exception {
        HttpResponse<String> answer = token("no-such-client", "whatever", "grant_type=client_credentials");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void scriptClientWithTheWrongSecretIsRefused() throws Exception {
        HttpResponse<String> answer = token("servicepuls-cli", "not-the-secret", "grant_type=client_credentials");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void inboxClientCannotGetATokenWithoutAUser() throws Exception {
        HttpResponse<String> answer = post("/oauth2/token", Map.of(),
                "grant_type=client_credentials&client_id=servicepuls-inbox");

        assertThat(answer.statusCode()).as("a public client authenticates only with a PKCE code verifier").isEqualTo(401);
    }

    @Test
    void caseworkerSignsInThroughTheInboxClientAndHerTokensCarryHerTeamAndCaseworkerId() throws Exception {
        Tokens tokens = signInThroughTheInbox("caseworker1", "demo-caseworker1");

        Jwt access = resourceServerDecoder().decode(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo("caseworker1");
        assertThat(access.getAudience()).contains("servicepuls");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("caseworker");
        assertThat(access.getClaimAsString("department")).isEqualTo("borgerservice");
        assertThat(access.getClaimAsString("team")).isEqualTo("ydelse-1");
        assertThat(access.getClaimAsString("caseworker_id")).isEqualTo("caseworker1");
        Jwt id = resourceServerDecoder().decode(tokens.idToken());
        assertThat(id.getAudience()).as("an ID token is for the inbox alone, never a bearer token for the APIs")
                .containsExactly("servicepuls-inbox");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("caseworker");
        assertThat(id.getClaimAsString("team")).isEqualTo("ydelse-1");
    }

    @Test
    void teamLeadsTokenSaysTeamLeadAndHasNoCaseworkerId() throws Exception {
        Jwt access = resourceServerDecoder().decode(signInThroughTheInbox("teamlead", "demo-teamlead").accessToken());

        assertThat(access.getClaimAsStringList("roles")).containsExactly("team_lead");
        assertThat(access.getClaimAsString("team")).isEqualTo("ydelse-1");
        assertThat(access.hasClaim("caseworker_id")).isFalse();
    }

    @Test
    void wrongPasswordDoesNotSignIn() throws Exception {
        Browser browser = new Browser();
        String login = browser.startAuthorization(pkceChallenge(pkceVerifier()));

        HttpResponse<String> answer = browser.submitLogin(login, "caseworker1", "not-the-password");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
    }

    @Test
    void healthIsOpenForTheLocalModesReadinessCheck() throws Exception {
        HttpResponse<String> answer = get("/actuator/health");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("status").asString()).isEqualTo("UP");
    }

    private static JwtDecoder resourceServerDecoder() {
        return NimbusJwtDecoder.withIssuerLocation(ISSUER).build();
    }

    private Tokens signInThroughTheInbox(String username, String password) throws Exception {
        Browser browser = new Browser();
        String verifier = pkceVerifier();
        String login = browser.startAuthorization(pkceChallenge(verifier));
        HttpResponse<String> signedIn = browser.submitLogin(login, username, password);
        assertThat(signedIn.statusCode()).as("after the login form").isEqualTo(302);
        HttpResponse<String> authorized = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(authorized.statusCode()).isEqualTo(302);
        String redirect = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(INBOX_REDIRECT + "?code=").contains("state=s-1");
        String code = RedirectQuery.query(redirect).get("code");

        HttpResponse<String> answer = post("/oauth2/token", Map.of(), form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", INBOX_REDIRECT, "client_id", "servicepuls-inbox", "code_verifier", verifier)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        return new Tokens(body.get("access_token").asString(), body.get("id_token").asString());
    }

    record Tokens(String accessToken, String idToken) {
    }

    /** A browser: keeps cookies, does not follow redirects, so each step of the flow can be looked at. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Starts the inbox's authorization request; answers the login page's URL. */
        String startAuthorization(String challenge) throws Exception {
            HttpResponse<String> answer = get(ISSUER + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                    "client_id", "servicepuls-inbox", "scope", "openid profile", "redirect_uri", INBOX_REDIRECT,
                    "state", "s-1", "code_challenge", challenge, "code_challenge_method", "S256")));
            assertThat(answer.statusCode()).as("an unknown browser is sent to the login form").isEqualTo(302);
            return answer.headers().firstValue("Location").orElseThrow();
        }

        HttpResponse<String> submitLogin(String loginPage, String username, String password) throws Exception {
            HttpResponse<String> page = get(loginPage);
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();
            return client.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                            "_csrf", csrf.group(1)))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Reads a redirect's query parameters. */
    private static final class RedirectQuery {

        static Map<String, String> query(String url) {
            String query = URI.create(url).getRawQuery();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }
    }

    private HttpResponse<String> token(String clientId, String secret, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post("/oauth2/token", Map.of("Authorization", "Basic " + basic), form);
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String pkceVerifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String pkceChallenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
