package dk.servicepuls.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code prometheus} (when installed) scraping the local mode's services once a second, asked queries by its
 * HTTP API: what Grafana's panels ask in the compose pilot.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getProperty("prometheus", "/usr/bin/prometheus"));

    private final Process process;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private PrometheusServer(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** {@code null} where no Prometheus is installed. */
    static PrometheusServer startIfInstalled(Path directory, List<String> targets) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            return null;
        }
        Files.createDirectories(directory);
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: servicepuls
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(String.join(", ", targets.stream().map(target -> "'" + target + "'").toList())));
        int port = FreePorts.find();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        return new PrometheusServer(process, "http://127.0.0.1:" + port);
    }

    /** Whether the instant query answers at least one sample. */
    boolean hasData(String query) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Prometheus refused " + query + ": " + answer.body());
        }
        JsonNode result = json.readTree(answer.body()).get("data").get("result");
        return result != null && result.size() > 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
