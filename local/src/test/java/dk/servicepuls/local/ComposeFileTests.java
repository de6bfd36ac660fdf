package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose pilot ({@code docker-compose.yml}) and its Prometheus and Grafana files, checked without a Docker engine
 * against what the services read: images as Jib names them, ports, every variable set is read and every variable a
 * service needs is set, dependencies, volumes and mounts; and, where Debian's {@code prometheus} package put
 * {@code promtool}, Prometheus' own check of its configuration.
 */
class ComposeFileTests {

    private static final Path ROOT = ServiceSettings.ROOT;
    private static final List<LocalService> SERVICES = ServiceSettings.SERVICES;
    /** Spring Boot's own settings, bound from the environment by name rather than through a placeholder. */
    private static final Set<String> SPRING_BINDS_ITSELF = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_APPLICATION_JSON",
            "SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");

    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheComposeFile() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyServiceRunsTheImageJibBuildsOnThePortItListensOn() throws IOException {
        String version = ServiceSettings.projectVersion();
        for (LocalService service : SERVICES) {
            Map<String, Object> entry = services.get(service.serviceName());
            assertThat(entry).as("%s is in docker-compose.yml", service.serviceName()).isNotNull();
            assertThat(entry.get("image")).as("%s's image", service.serviceName())
                    .isEqualTo("servicepuls/" + service.serviceName() + ":" + version);
            int port = ServiceSettings.port(service);
            assertThat(strings(entry.get("ports"))).as("%s's port", service.serviceName()).contains(port + ":" + port);
        }
        assertThat(services).containsKeys("kafka", "mongo", "prometheus", "grafana");
        services.forEach((name, entry) -> assertThat(entry.get("image")).as("%s has an image", name).isNotNull());
    }

    @Test
    void everyVariableTheFileGivesAServiceIsOneTheServiceReads() throws IOException {
        for (LocalService service : SERVICES) {
            Set<String> read = ServiceSettings.placeholders(service).keySet();
            for (String variable : environment(service).keySet()) {
                assertThat(read.contains(variable) || SPRING_BINDS_ITSELF.contains(variable))
                        .as("%s is given %s, which it does not read", service.serviceName(), variable).isTrue();
            }
        }
    }

    @Test
    void everyVariableAServiceCannotDoWithoutInAContainerIsGiven() throws IOException {
        for (LocalService service : SERVICES) {
            Map<String, Object> given = environment(service);
            // no default at all, or only defaults that point at this machine, which in a container is itself
            for (String variable : ServiceSettings.needed(service)) {
                assertThat(given).as("%s needs %s", service.serviceName(), variable).containsKey(variable);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesNamedVolumesAndMountedFilesExist() {
        Set<String> volumes = compose.get("volumes") == null ? Set.of()
                : ((Map<String, Object>) compose.get("volumes")).keySet();
        services.forEach((name, entry) -> {
            Object dependsOn = entry.get("depends_on");
            Set<String> dependencies = dependsOn instanceof Map<?, ?> map ? (Set<String>) map.keySet()
                    : dependsOn == null ? Set.of() : new HashSet<>(strings(dependsOn));
            assertThat(services.keySet()).as("%s depends on services of the file", name).containsAll(dependencies);
            for (String volume : strings(entry.get("volumes"))) {
                String source = volume.substring(0, volume.indexOf(':'));
                if (source.startsWith(".")) {
                    assertThat(ROOT.resolve(source)).as("%s mounts %s", name, source).exists();
                }
                else {
                    assertThat(volumes).as("%s's volume %s is declared", name, source).contains(source);
                }
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceOnItsPortAndGrafanaReadsPrometheusAndTheDashboards() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
        Set<String> targets = new HashSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll(strings(config.get("targets")));
            }
        }
        for (LocalService service : SERVICES) {
            assertThat(targets).contains(service.serviceName() + ":" + ServiceSettings.port(service));
        }
        assertThat(strings(services.get("prometheus").get("volumes")))
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");

        Map<String, Object> datasources = new Yaml().load(Files.readString(
                ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")));
        assertThat(((List<Map<String, Object>>) datasources.get("datasources")).get(0).get("url"))
                .isEqualTo("http://prometheus:9090");
        assertThat(strings(services.get("prometheus").get("ports"))).contains("9090:9090");
        Map<String, Object> providers = new Yaml().load(Files.readString(
                ROOT.resolve("deploy/grafana/provisioning/dashboards/servicepuls.yml")));
        String dashboards = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers"))
                .get(0).get("options")).get("path");
        assertThat(strings(services.get("grafana").get("volumes"))).contains("./deploy/grafana/dashboards:" + dashboards + ":ro");
        assertThat(String.valueOf(((Map<String, Object>) services.get("grafana").get("environment"))
                .get("GF_SECURITY_ADMIN_PASSWORD"))).as("no default admin password").startsWith("${GRAFANA_ADMIN_PASSWORD:?");
    }

    @Test
    void promtoolAcceptsThePrometheusConfiguration() throws Exception {
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus)");
        Process check = new ProcessBuilder(promtool.toString(), "check", "config",
                ROOT.resolve("deploy/prometheus/prometheus.yml").toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as(output).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(LocalService service) {
        Object environment = services.get(service.serviceName()).get("environment");
        return environment == null ? Map.of() : (Map<String, Object>) environment;
    }

    private static List<String> strings(Object list) {
        List<String> strings = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }
}
