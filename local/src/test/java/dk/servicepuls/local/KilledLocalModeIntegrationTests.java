package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.Deliveries;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The local mode killed with SIGKILL ({@code kill -9}) right after the last of a stream of events was answered 202, and
 * started again on the same data folder: every acknowledged event is on its case's timeline and on contact.events. The
 * store commits every write before acknowledging it; what the relay had not published when the process died goes out
 * with the sweep at the next start.
 */
class KilledLocalModeIntegrationTests {

    private static final int EVENTS = 200;
    private static final int CASES = 20;
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String READY = "Servicepuls is ready in";
    private static final String DEPARTMENT = "borgerservice";

    @Test
    void localModeKilledRightAfterTheLastAcknowledgedEventKeepsEveryOneOfThem(@TempDir Path dataDir) throws Exception {
        List<String> accepted = new ArrayList<>();
        long started = System.nanoTime();
        long killedAfter;
        String[] first = LocalModeIntegrationTests.args(dataDir);
        Process platform = spawn(first, dataDir.resolve("first.log"));
        try {
            String token = DemoTokens.script(HttpClient.newHttpClient(), "http://localhost:" + setting(first, "identity-port"));
            HttpCalls contact = new HttpCalls(port(first, LocalService.CONTACT), HttpCalls.Bearer.always(() -> token));
            for (int i = 0; i < EVENTS; i++) {
                TestEvents event = TestEvents.event("contact.recorded", caseId(i), DEPARTMENT).source("/kommune/esdh")
                        .data("{\"contactId\":\"k-" + i + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}");
                HttpCalls.Answer answer = contact.post("/api/v1/events", "application/cloudevents+json", event.json());
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                accepted.add(event.id());
            }
            platform.destroyForcibly();
            killedAfter = (System.nanoTime() - started) / 1_000_000;
            assertThat(platform.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            platform.destroyForcibly();
        }
        int exit = platform.exitValue();

        // new ports, the same data folder: a port the killed process held need not be free again at once
        String[] second = LocalModeIntegrationTests.args(dataDir);
        platform = spawn(second, dataDir.resolve("second.log"));
        try {
            String token = DemoTokens.script(HttpClient.newHttpClient(), "http://localhost:" + setting(second, "identity-port"));
            HttpCalls contact = new HttpCalls(port(second, LocalService.CONTACT), HttpCalls.Bearer.always(() -> token));
            Set<String> onTimelines = new LinkedHashSet<>();
            for (int c = 0; c < CASES; c++) {
                HttpCalls.Answer timeline = contact.get("/api/v1/cases/" + caseId(c) + "/timeline?department=" + DEPARTMENT);
                assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
                for (JsonNode event : timeline.json().get("events")) {
                    onTimelines.add(event.get("id").asString());
                }
            }
            try (var published = new RecordedTopic("localhost:" + setting(second, "kafka-port"), Topics.CONTACT_EVENTS)) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> Deliveries.of(accepted, published.records()).missing().isEmpty());
                Deliveries delivered = Deliveries.of(accepted, published.recordsUntilNow(WAIT));
                Set<String> lost = new LinkedHashSet<>(accepted);
                lost.removeAll(onTimelines);

                System.out.printf("faults: local mode killed with SIGKILL (exit %d) %d ms after its start, right after "
                        + "the last of %d events answered 202; after the restart %d of them on the timelines (%d lost), "
                        + "contact.events: %s; %d s%n", exit, killedAfter, EVENTS, accepted.size() - lost.size(),
                        lost.size(), delivered.summary(), (System.nanoTime() - started) / 1_000_000_000);
                assertThat(lost).as("acknowledged events missing from the timelines").isEmpty();
                assertThat(delivered.missing()).isEmpty();
            }
        }
        finally {
            stop(platform);
        }
    }

    private static String caseId(int i) {
        return "KILL-" + (i % CASES);
    }

    /**
     * The local mode in a JVM of its own, on this test's class path, its output in a log file; returns once it has
     * printed its ready line.
     */
    private static Process spawn(String[] args, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), LocalMode.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.contains(READY)) {
                        ready.complete(null);
                    }
                }
            }
            catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("The local mode exited before it was ready; see " + log));
        }, "local-mode-output");
        copier.setDaemon(true);
        copier.start();
        try {
            ready.get(START.toSeconds(), TimeUnit.SECONDS);
        }
        catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }

    /** Killed too: nothing is looked at afterwards, and an orderly stop of the platform takes ten seconds more. */
    private static void stop(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private static int port(String[] args, LocalService service) {
        return Integer.parseInt(setting(args, service.portSetting()));
    }

    private static String setting(String[] args, String name) {
        String prefix = "--" + LocalModeSettings.PREFIX + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("No " + prefix + " in the arguments");
    }
}
