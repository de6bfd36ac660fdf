package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose pilot's Keycloak realm ({@code deploy/keycloak/servicepuls-realm.json}), checked without a Docker
 * engine against the local mode's identity-server and what the services read from a token: the same demo users with
 * the same roles and claims, the browser clients with PKCE on the services' ports, a sender per demo department bound
 * in the compose file to that department alone, every client's tokens carrying the claims and the audience, and no
 * secret in the file. And every service's container checks its own health.
 */
class KeycloakRealmTests {

    private static final Path REALM = ServiceSettings.ROOT.resolve("deploy/keycloak/servicepuls-realm.json");
    /** The claims {@code Caller} reads, and the audience every service requires. */
    private static final Set<String> CLAIMS = Set.of("roles", "department", "team", "caseworker_id");
    private static final String AUDIENCE = "servicepuls";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private static JsonNode realm;
    private static Map<String, Object> identity;
    private static Map<String, Map<String, Object>> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        realm = JsonMapper.builder().build().readTree(Files.readString(REALM));
        Map<String, Object> identityServer = new Yaml().load(Files.readString(
                ServiceSettings.ROOT.resolve("identity-server/src/main/resources/application.yml")));
        identity = (Map<String, Object>) ((Map<String, Object>) identityServer.get("servicepuls")).get("identity");
        compose = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(
                Files.readString(ServiceSettings.ROOT.resolve("docker-compose.yml")))).get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDemoUserOfTheLocalModeIsInTheRealmWithItsRolesAndClaims() {
        for (Map<String, Object> demo : (List<Map<String, Object>>) identity.get("users")) {
            JsonNode user = byField(realm.get("users"), "username", (String) demo.get("username"));
            List<String> roles = (List<String>) demo.get("roles");
            assertThat(texts(user.get("realmRoles"))).as("%s's roles", demo.get("username"))
                    .containsExactlyInAnyOrderElementsOf(roles);
            assertThat(attribute(user, "department")).isEqualTo(demo.get("department"));
            assertThat(attribute(user, "team")).isEqualTo(demo.get("team"));
            // identity-server gives a caseworker its user name as caseworker id
            assertThat(attribute(user, "caseworker_id")).isEqualTo(roles.contains("caseworker") ? demo.get("username") : null);
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean())
                    .as("a demo password is changed at first sign-in").isTrue();
        }
    }

    @Test
    void theBrowserClientsArePublicWithPkceAndComeBackToTheServicesPorts() throws IOException {
        for (Map.Entry<String, LocalService> browser : Map.of("servicepuls-inbox", LocalService.ESCALATION,
                "servicepuls-dashboard", LocalService.ANALYTICS).entrySet()) {
            JsonNode client = byField(realm.get("clients"), "clientId", browser.getKey());
            int port = ServiceSettings.port(browser.getValue());
            assertThat(client.get("publicClient").asBoolean()).isTrue();
            assertThat(client.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
            assertThat(texts(client.get("redirectUris"))).containsExactly(
                    "http://localhost:" + port + "/login/oauth2/code/servicepuls");
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        }
    }

    @Test
    void everyClientsTokensCarryTheClaimsAndTheAudienceTheServicesRead() {
        for (JsonNode client : realm.get("clients")) {
            Set<String> claims = new HashSet<>();
            Set<String> audiences = new HashSet<>();
            for (JsonNode mapper : client.get("protocolMappers")) {
                JsonNode config = mapper.get("config");
                if (config.has("claim.name") && config.get("access.token.claim").asString().equals("true")) {
                    claims.add(config.get("claim.name").asString());
                }
                if (config.has("included.custom.audience")) {
                    audiences.add(config.get("included.custom.audience").asString());
                }
            }
            assertThat(claims).as("%s's claims", client.get("clientId").asString()).containsAll(CLAIMS);
            assertThat(audiences).as("%s's audience", client.get("clientId").asString()).contains(AUDIENCE);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachDemoDepartmentHasASenderThatTheComposeFileBindsToThatDepartmentAlone() {
        Map<String, Object> ingestEnvironment = (Map<String, Object>) compose.get("contact-service").get("environment");
        JsonNode bindings = JsonMapper.builder().build().readTree((String) ingestEnvironment.get("SPRING_APPLICATION_JSON"))
                .get("servicepuls").get("ingest").get("clients");
        for (String department : DemoSenders.DEPARTMENTS.split(",")) {
            JsonNode sender = byField(realm.get("clients"), "clientId", "sender-" + department);
            assertThat(sender.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(sender.get("standardFlowEnabled").asBoolean()).isFalse();
            JsonNode account = byField(realm.get("users"), "serviceAccountClientId", "sender-" + department);
            assertThat(texts(account.get("realmRoles"))).as("a sender reads nothing").isEmpty();
            assertThat(bindings.get("sender-" + department).get("departments").asString()).isEqualTo(department);
        }
        assertThat(compose.get("feedback-service").get("environment")).isInstanceOf(Map.class)
                .extracting(environment -> ((Map<String, Object>) environment).get("SPRING_APPLICATION_JSON"))
                .isEqualTo(ingestEnvironment.get("SPRING_APPLICATION_JSON"));
        JsonNode cli = byField(realm.get("users"), "serviceAccountClientId", "servicepuls-cli");
        assertThat(texts(cli.get("realmRoles"))).containsExactly("manager");
        assertThat(attribute(cli, "department")).isEqualTo("borgerservice");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRealmHoldsNoSecretAndKeycloakIsGivenEveryOneItAsksFor() throws IOException {
        Set<String> asked = new HashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(Files.readString(REALM));
        while (placeholder.find()) {
            asked.add(placeholder.group(1));
        }
        for (JsonNode client : realm.get("clients")) {
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).as("%s's secret", client.get("clientId").asString())
                        .matches(PLACEHOLDER.pattern());
            }
        }
        for (JsonNode user : realm.get("users")) {
            if (user.has("credentials")) {
                user.get("credentials").forEach(credential -> assertThat(credential.get("value").asString())
                        .matches(PLACEHOLDER.pattern()));
            }
        }
        Map<String, Object> keycloak = compose.get("keycloak");
        Map<String, Object> given = (Map<String, Object>) keycloak.get("environment");
        assertThat(asked).isNotEmpty();
        for (String variable : asked) {
            assertThat(String.valueOf(given.get(variable))).as("keycloak is given %s, with no default", variable)
                    .startsWith("${" + variable + ":?");
        }
        assertThat(String.valueOf(given.get("KC_BOOTSTRAP_ADMIN_PASSWORD"))).startsWith("${KEYCLOAK_ADMIN_PASSWORD:?");
        assertThat((List<String>) keycloak.get("command")).contains("--import-realm");
        assertThat((List<String>) keycloak.get("volumes")).contains("./deploy/keycloak:/opt/keycloak/data/import:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesTrustTheRealmAndWaitForIt() {
        String issuer = "http://keycloak:8080/realms/" + realm.get("realm").asString();
        for (LocalService service : ServiceSettings.SERVICES) {
            Map<String, Object> entry = compose.get(service.serviceName());
            assertThat(String.valueOf(((Map<String, Object>) entry.get("environment")).get("OIDC_ISSUER_URI")))
                    .isEqualTo("${OIDC_ISSUER_URI:-" + issuer + "}");
            assertThat(((Map<String, Map<String, Object>>) entry.get("depends_on")).get("keycloak"))
                    .containsEntry("condition", "service_healthy");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceContainerChecksItsOwnHealthWithTheProbeItShips() throws Exception {
        Class.forName("dk.servicepuls.platform.web.HealthProbe").getMethod("main", String[].class);
        for (LocalService service : ServiceSettings.SERVICES) {
            List<String> test = (List<String>) ((Map<String, Object>) compose.get(service.serviceName())
                    .get("healthcheck")).get("test");
            assertThat(test).containsSubsequence("java", "-cp", "@/app/jib-classpath-file",
                    "dk.servicepuls.platform.web.HealthProbe");
            assertThat(test.get(test.size() - 1)).isEqualTo("http://localhost:" + ServiceSettings.port(service)
                    + "/actuator/health");
        }
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.has(field) && item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("No entry with " + field + " " + value + " in " + REALM);
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asString() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> texts.add(item.asString()));
        }
        return texts;
    }
}
