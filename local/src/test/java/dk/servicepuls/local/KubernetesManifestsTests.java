package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.servicepuls.platform.kafka.ConsumerErrorPolicy;
import dk.servicepuls.platform.kafka.KafkaTopicsProperties;
import dk.servicepuls.platform.kafka.PlatformTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests ({@code deploy/k8s}), checked without a cluster: Kustomize's lists against the files, each
 * service's workload (image, port, probes, resources, non-root, its variables against what the service reads), its
 * Service and disruption budget, the network policies, no secret in the repository, and the platform: Kafka's
 * replication, a topic for every topic the services create, MongoDB's replica set.
 */
class KubernetesManifestsTests {

    private static final Path K8S = ServiceSettings.ROOT.resolve("deploy/k8s");
    /** Read by Spring Boot itself (relaxed binding), or only a helper for another variable's value. */
    private static final Set<String> NOT_PLACEHOLDERS = Set.of("SPRING_PROFILES_ACTIVE",
            "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "SERVICEPULS_ANALYTICS_CONSUMERGROUP");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    static List<Map<String, Object>> base;
    static List<Map<String, Object>> platform;
    static Map<String, String> settings;

    @BeforeAll
    static void readTheManifests() throws IOException {
        base = documents("base");
        platform = documents("platform");
        settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(K8S.resolve("base/settings.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kustomizeListsEveryManifestAndEveryListedFileExists() throws IOException {
        for (String part : List.of("base", "platform")) {
            Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve(part).resolve("kustomization.yaml")));
            Set<String> listed = new HashSet<>((List<String>) kustomization.get("resources"));
            Set<String> present = new HashSet<>();
            try (Stream<Path> files = Files.list(K8S.resolve(part))) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                        .filter(name -> !name.equals("kustomization.yaml")).forEach(present::add);
            }
            assertThat(listed).as(part).isEqualTo(present);
            assertThat(kustomization.get("namespace")).isEqualTo("servicepuls");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsAWorkloadWithItsImagePortProbesResourcesAndNoRoot() throws IOException {
        String version = ServiceSettings.projectVersion();
        for (LocalService service : ServiceSettings.SERVICES) {
            Map<String, Object> workload = workload(service);
            Map<String, Object> pod = (Map<String, Object>) path(workload, "spec", "template", "spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            String name = service.serviceName();

            assertThat(container.get("image")).as(name).isEqualTo("servicepuls/" + name + ":" + version);
            assertThat(path(container, "ports")).as(name).asString().contains("containerPort=" + ServiceSettings.port(service));
            assertThat(path(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "startupProbe")).as(name).isNotNull();
            assertThat(path(container, "resources", "requests", "cpu")).as(name).isNotNull();
            assertThat(path(container, "resources", "requests", "memory")).as(name).isNotNull();
            assertThat(path(container, "resources", "limits", "memory")).as(name).isNotNull();
            assertThat(path(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
            assertThat(path(workload, "spec", "template", "metadata", "labels")).as(name).asString()
                    .contains("app.kubernetes.io/part-of=servicepuls");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceGetsWhatItNeedsAndOnlyWhatItReadsWithSecretsFromTheSecret() throws IOException {
        for (LocalService service : ServiceSettings.SERVICES) {
            Map<String, Object> container = ((List<Map<String, Object>>) path(workload(service), "spec", "template",
                    "spec", "containers")).get(0);
            Set<String> given = new HashSet<>(settings.keySet());
            Set<String> helpers = new HashSet<>();
            for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
                given.add((String) variable.get("name"));
                Matcher reference = REFERENCE.matcher(String.valueOf(variable.get("value")));
                while (reference.find()) {
                    helpers.add(reference.group(1));
                }
                Object secret = path(variable, "valueFrom", "secretKeyRef", "name");
                if (secret != null) {
                    assertThat(secret).isEqualTo("servicepuls-secrets");
                }
            }
            Set<String> read = ServiceSettings.placeholders(service).keySet();
            for (String variable : given) {
                if (!settings.containsKey(variable)) {
                    assertThat(read.contains(variable) || NOT_PLACEHOLDERS.contains(variable) || helpers.contains(variable))
                            .as("%s is given %s, which it does not read", service.serviceName(), variable).isTrue();
                }
            }
            assertThat(given).as(service.serviceName()).containsAll(ServiceSettings.needed(service));
        }
        assertThat(base).noneMatch(document -> "Secret".equals(document.get("kind")));
        assertThat(platform).noneMatch(document -> "Secret".equals(document.get("kind")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAServiceOnItsPortAndADisruptionBudgetOverItsPods() throws IOException {
        for (LocalService service : ServiceSettings.SERVICES) {
            String name = service.serviceName();
            Map<String, Object> podLabels = (Map<String, Object>) path(workload(service), "spec", "template", "metadata",
                    "labels");
            Map<String, Object> kubeService = one(base, "Service", name);
            assertThat(podLabels).as(name).containsAllEntriesOf((Map<String, Object>) path(kubeService, "spec", "selector"));
            assertThat(path(kubeService, "spec", "ports")).as(name).asString().contains("port=" + ServiceSettings.port(service));
            Map<String, Object> budget = one(base, "PodDisruptionBudget", name);
            assertThat(podLabels).as(name).containsAllEntriesOf(
                    (Map<String, Object>) path(budget, "spec", "selector", "matchLabels"));
        }
        Map<String, Object> deny = one(base, "NetworkPolicy", "servicepuls-default-deny");
        assertThat((List<String>) path(deny, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(path(deny, "spec", "podSelector", "matchLabels")).asString().contains("app.kubernetes.io/part-of=servicepuls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaReplicatesThreeTimesAndEveryTopicTheServicesCreateIsDeclaredWithEnoughPartitions() {
        Map<String, Object> config = (Map<String, Object>) path(one(platform, "Kafka", "servicepuls-kafka"), "spec",
                "kafka", "config");
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("auto.create.topics.enable", false);
        assertThat(path(one(platform, "KafkaNodePool", "servicepuls-kafka-nodes"), "spec", "replicas")).isEqualTo(3);

        int mostReplicas = base.stream().filter(document -> List.of("Deployment", "StatefulSet").contains(document.get("kind")))
                .mapToInt(document -> (Integer) path(document, "spec", "replicas")).max().orElseThrow();
        KafkaTopicsProperties defaults = new KafkaTopicsProperties(12, (short) 3, Duration.ofDays(7),
                new ConsumerErrorPolicy.ConsumerRetries(3, Duration.ofSeconds(1)));
        List<NewTopic> created = PlatformTopics.list(defaults);
        assertThat(created).isNotEmpty();
        for (NewTopic topic : created) {
            Map<String, Object> declared = platform.stream()
                    .filter(document -> "KafkaTopic".equals(document.get("kind")))
                    .filter(document -> topic.name().equals(path(document, "spec", "topicName")))
                    .findFirst().orElse(null);
            assertThat(declared).as("a KafkaTopic for %s", topic.name()).isNotNull();
            assertThat((Integer) path(declared, "spec", "partitions")).as(topic.name()).isGreaterThanOrEqualTo(mostReplicas);
            assertThat(path(declared, "spec", "replicas")).as(topic.name()).isEqualTo(3);
            assertThat(topic.configs()).as(topic.name()).isNotEmpty();
            topic.configs().forEach((name, value) -> assertThat(String.valueOf(path(declared, "spec", "config", name)))
                    .as(topic.name() + " " + name).isEqualTo(value));
        }
        assertThat(platform.stream().filter(document -> "KafkaTopic".equals(document.get("kind")))).hasSize(created.size());
        assertThat(path(one(platform, "MongoDBCommunity", "servicepuls-mongo"), "spec", "members")).isEqualTo(3);
    }

    private static Map<String, Object> workload(LocalService service) {
        return base.stream().filter(document -> List.of("Deployment", "StatefulSet").contains(document.get("kind")))
                .filter(document -> service.serviceName().equals(path(document, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("No Deployment or StatefulSet " + service.serviceName()));
    }

    private static Map<String, Object> one(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream().filter(document -> kind.equals(document.get("kind")))
                .filter(document -> name.equals(path(document, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> document, String... keys) {
        Object at = document;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = ((Map<String, Object>) map).get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String part) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S.resolve(part))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add((Map<String, Object>) document);
                    }
                }
            }
        }
        return documents;
    }
}
