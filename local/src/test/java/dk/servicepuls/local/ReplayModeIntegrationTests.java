package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --servicepuls.local.replay-from}: a second local mode running analytics-service alone, on an empty store of
 * its own, reads a running platform's topics from the beginning and counts exactly what the platform's own
 * analytics-service counted.
 */
class ReplayModeIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReplayingAnalyticsServiceCountsWhatThePlatformCounted(@TempDir Path dataDir) throws Exception {
        int kafkaPort = FreePorts.find();
        List<String> args = new ArrayList<>(List.of(LocalModeIntegrationTests.args(dataDir.resolve("platform"), kafkaPort)));
        args.add("--servicepuls.local.simulate=cases=120,rate=max,seed=9");
        try (LocalMode platform = new LocalMode(LocalModeSettings.from(args.toArray(String[]::new)))) {
            platform.start();
            platform.simulation().orElseThrow().start();
            Map<String, Double> counted = settledCounts(platform);
            assertThat(counted).isNotEmpty();

            List<String> replayArgs = new ArrayList<>(List.of(LocalModeIntegrationTests.args(dataDir.resolve("replay"))));
            replayArgs.add("--servicepuls.local.replay-from=localhost:" + kafkaPort);
            try (LocalMode replay = new LocalMode(LocalModeSettings.from(replayArgs.toArray(String[]::new)))) {
                replay.start();

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertThat(eventCounts(replay)).isEqualTo(counted));
            }
        }
    }

    /** The platform's counts once a simulation has gone through: when they stop changing. */
    private Map<String, Double> settledCounts(LocalMode platform) {
        List<Map<String, Double>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Map<String, Double> now = eventCounts(platform);
            boolean settled = !now.isEmpty() && now.equals(last.get(0));
            last.set(0, now);
            return settled;
        });
        return last.get(0);
    }

    /** servicepuls_events_total of analytics-service, by its labels. */
    private Map<String, Double> eventCounts(LocalMode mode) throws IOException, InterruptedException {
        String scraped = http.send(HttpRequest.newBuilder(URI.create(mode.url(LocalService.ANALYTICS)
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> counts = new TreeMap<>();
        scraped.lines().filter(line -> line.startsWith("servicepuls_events_total{")).forEach(line -> counts.put(
                line.substring(0, line.lastIndexOf(' ')), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
        return counts;
    }
}
