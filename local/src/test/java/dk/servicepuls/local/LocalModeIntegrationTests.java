package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform as the README's run command starts it, on free ports: an event goes in on contact-service and
 * comes out as a task on escalation-service, read with a token from the identity-server; after a restart on the same
 * data folder, all of it is still there.
 */
class LocalModeIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eventInOnContactServiceComesOutAsATaskAndSurvivesARestart(@TempDir Path dataDir) throws Exception {
        String[] args = args(dataDir);
        try (LocalMode platform = new LocalMode(LocalModeSettings.from(args))) {
            platform.start();
            String contact = platform.url(LocalService.CONTACT);
            String escalation = platform.url(LocalService.ESCALATION);
            String token = DemoTokens.script(http, platform.url(LocalService.IDENTITY));
            for (InetAddress address : thisMachinesOtherAddresses()) {
                // the demo secrets are public: nothing but this machine may reach the services
                assertThatExceptionOfType(ConnectException.class).as("contact-service on %s", address)
                        .isThrownBy(() -> new Socket(address, URI.create(contact).getPort()).close());
            }

            assertThat(post(contact + "/api/v1/events", event("evt-0", "dk.servicepuls.case.opened.v1", "{}"), null))
                    .as("ingest needs a token").isEqualTo(401);
            String opened = event("evt-x", "dk.servicepuls.case.opened.v1", "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"}}");
            assertThat(post(contact + "/api/v1/events", opened.replace("borgerservice", "ukendt"), token))
                    .as("the same event for a department the local mode does not know (DemoSenders.DEPARTMENTS)").isEqualTo(400);
            assertThat(post(contact + "/api/v1/events", event("evt-1", "dk.servicepuls.case.opened.v1",
                    "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"id\":\"0101901234\"}}"), token))
                    .isEqualTo(202);
            assertThat(post(contact + "/api/v1/events", event("evt-2", "dk.servicepuls.decision.pending.v1",
                    "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(10)) + "\"}"), token))
                    .isEqualTo(202);

            assertThat(status(escalation + "/api/v1/tasks?department=borgerservice", null))
                    .as("the task API needs a token").isEqualTo(401);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(escalation + "/api/v1/tasks?department=borgerservice", token))
                    .contains("\"caseId\":\"BS-1\"", "\"status\":\"open\""));
            assertThat(status(escalation + "/api/v1/tasks?department=teknik-miljoe", token))
                    .as("the script client's token is for borgerservice only").isEqualTo(403);
        }
        assertThat(dataDir.resolve("pseudonym.key")).exists();
        assertThat(dataDir.resolve("store.mv")).exists();
        String key = Files.readString(dataDir.resolve("pseudonym.key"));

        try (LocalMode restarted = new LocalMode(LocalModeSettings.from(args))) {
            restarted.start();
            // the identity-server makes a new signing key on every start: a token from before the restart is no good
            String token = DemoTokens.script(http, restarted.url(LocalService.IDENTITY));
            assertThat(status(restarted.url(LocalService.CONTACT) + "/api/v1/cases/BS-1/timeline?department=borgerservice", null))
                    .as("a timeline needs a token").isEqualTo(401);
            assertThat(get(restarted.url(LocalService.CONTACT) + "/api/v1/cases/BS-1/timeline?department=borgerservice", token))
                    .contains("evt-1", "evt-2").doesNotContain("0101901234");
            assertThat(get(restarted.url(LocalService.ESCALATION) + "/api/v1/tasks?department=borgerservice", token)).contains("BS-1");
        }
        assertThat(Files.readString(dataDir.resolve("pseudonym.key"))).isEqualTo(key);
    }

    /** The local mode on a data folder and on free ports, so that tests never meet a running instance. */
    static String[] args(Path dataDir) {
        return args(dataDir, FreePorts.find());
    }

    /** The same, with the broker on a port the test knows, to read the topics itself. */
    static String[] args(Path dataDir, int kafkaPort) {
        List<String> args = new ArrayList<>(List.of("--servicepuls.local.data-dir=" + dataDir,
                "--servicepuls.local.kafka-port=" + kafkaPort, "--servicepuls.local.store-port=" + FreePorts.find()));
        for (LocalService service : LocalService.values()) {
            args.add("--servicepuls.local." + service.portSetting() + "=" + FreePorts.find());
        }
        return args.toArray(String[]::new);
    }

    private static List<InetAddress> thisMachinesOtherAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                Collections.list(network.getInetAddresses()).stream().filter(Inet4Address.class::isInstance).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static String event(String id, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kommune/esdh","type":"%s","time":"%s","subject":"BS-1",
                 "department":"borgerservice","datacontenttype":"application/json","data":%s}""".formatted(id, type, Instant.now(), data);
    }

    private int post(String url, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(token == null ? request.build() : request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        return http.send(request(url, token), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String url, String token) throws IOException, InterruptedException {
        return http.send(request(url, token), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).build();
    }

}
