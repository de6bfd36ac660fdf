package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query of the provisioned Grafana dashboards ({@code deploy/grafana/dashboards}) has data behind it after a
 * simulated municipality has gone through the local mode: each metric a panel names is scraped from one of the
 * services, with a series for each fixed label value the panel selects; and, where Debian's {@code prometheus} is
 * installed (the CI set-up installs it), a real Prometheus scraping the local mode answers every panel's query with
 * data. Without it that part is skipped, and says so.
 */
class DashboardQueriesIntegrationTests {

    private static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:servicepuls|jvm|http_server|spring_cloud_stream)_[a-zA-Z0-9_]*)(\\{[^}]*\\})?");
    private static final Pattern FIXED_LABEL = Pattern.compile("([a-z_]+)=\"([^\"$]*)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    record Selector(String dashboard, String panel, String metric, Map<String, String> labels) {
    }

    record Query(String dashboard, String panel, String expr) {
    }

    @Test
    void everyPanelsMetricsAreScrapedAfterASimulatedMunicipality(@TempDir Path dataDir) throws Exception {
        List<Selector> selectors = selectors();
        assertThat(selectors).hasSizeGreaterThan(20);
        int kafkaPort = FreePorts.find();
        List<String> args = new ArrayList<>(List.of(LocalModeIntegrationTests.args(dataDir, kafkaPort)));
        // 120 days, so that enough eligible cases are past the complaint window for the calls' effect to be shown
        args.add("--servicepuls.local.simulate=cases=400,rate=max,seed=3,days=120");
        try (LocalMode platform = new LocalMode(LocalModeSettings.from(args.toArray(String[]::new)))) {
            platform.start();
            try (PrometheusServer prometheus = PrometheusServer.startIfInstalled(dataDir.resolve("prometheus"),
                    targets(platform))) {
                platform.simulation().orElseThrow().start();
                completeSomeCalls("localhost:" + kafkaPort);

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    String scraped = scrapeAll(platform);
                    assertThat(selectors).allSatisfy(selector -> assertThat(hasSeries(scraped, selector))
                            .as("%s / %s: %s%s", selector.dashboard(), selector.panel(), selector.metric(),
                                    selector.labels())
                            .isTrue());
                });
                if (prometheus == null) {
                    System.out.println("prometheus is not installed (apt-get install prometheus): the panels' queries "
                            + "were not run");
                    return;
                }
                List<Query> queries = queries();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertThat(queries).allSatisfy(query -> assertThat(prometheus.hasData(query.expr()))
                                .as("%s / %s: %s", query.dashboard(), query.panel(), query.expr()).isTrue()));
                System.out.printf("prometheus: all %d panel queries of %d dashboards answered with data%n",
                        queries.size(), queries.stream().map(Query::dashboard).distinct().count());
            }
        }
    }

    private static List<String> targets(LocalMode platform) {
        return Stream.of(LocalService.CONTACT, LocalService.FEEDBACK, LocalService.ESCALATION, LocalService.ANALYTICS)
                .map(service -> URI.create(platform.url(service)).getAuthority()).toList();
    }

    /** Each panel's query as Grafana sends it with every department picked. */
    static List<Query> queries() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Query> queries = new ArrayList<>();
        for (JsonNode dashboard : dashboards(json)) {
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    queries.add(new Query(dashboard.get("uid").asString(), panel.get("title").asString(),
                            target.get("expr").asString().replace("$department", ".*")));
                }
            }
        }
        return queries;
    }

    private static List<JsonNode> dashboards(JsonMapper json) throws IOException {
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(json.readTree(Files.readString(file)));
            }
        }
        return dashboards;
    }

    /**
     * The simulator does not work the inbox (its calls are open-loop, see the simulator's README), so completed calls
     * are put on escalation.events as escalation-service announces them when a caseworker completes a task.
     */
    private static void completeSomeCalls(String bootstrapServers) {
        try (BinaryRecords records = new BinaryRecords(bootstrapServers, "dashboard-test")) {
            for (String outcome : List.of("reached_resolved", "reached_complaint_expected", "not_reached")) {
                String caseId = "BS-DASH-" + outcome;
                records.send(Topics.ESCALATION_EVENTS, caseId, BinaryRecords.headers(UUID.randomUUID().toString(),
                        EventType.TASK_COMPLETED.type(), caseId, "borgerservice"),
                        "{\"taskId\":\"task-" + outcome + "\",\"outcome\":\"" + outcome + "\",\"caseworkerId\":\"sb-1\"}");
            }
        }
    }

    private String scrapeAll(LocalMode platform) throws IOException, InterruptedException {
        StringBuilder scraped = new StringBuilder();
        for (LocalService service : List.of(LocalService.CONTACT, LocalService.FEEDBACK, LocalService.ESCALATION,
                LocalService.ANALYTICS)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.url(service) + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            scraped.append(response.body()).append('\n');
        }
        return scraped.toString();
    }

    private static boolean hasSeries(String scraped, Selector selector) {
        return scraped.lines().filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(selector.metric() + "{") || line.startsWith(selector.metric() + " "))
                .anyMatch(line -> selector.labels().entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")));
    }

    static List<Selector> selectors() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Selector> selectors = new ArrayList<>();
        {
            for (JsonNode dashboard : dashboards(json)) {
                for (JsonNode panel : dashboard.get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        Matcher metric = METRIC.matcher(target.get("expr").asString());
                        while (metric.find()) {
                            Map<String, String> labels = new LinkedHashMap<>();
                            if (metric.group(2) != null) {
                                Matcher label = FIXED_LABEL.matcher(metric.group(2));
                                while (label.find()) {
                                    labels.put(label.group(1), label.group(2));
                                }
                            }
                            selectors.add(new Selector(dashboard.get("uid").asString(), panel.get("title").asString(),
                                    metric.group(1), labels));
                        }
                    }
                }
            }
        }
        return selectors;
    }
}
