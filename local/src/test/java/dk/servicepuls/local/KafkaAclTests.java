package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.kafka.ConsumerErrorPolicy;
import dk.servicepuls.platform.kafka.KafkaTopicsProperties;
import dk.servicepuls.platform.kafka.PlatformTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose pilot's Kafka ACLs ({@code deploy/kafka/acls.txt}), checked without a Docker engine: each service may
 * read exactly the topics and group its bindings name and write exactly what it publishes; each department's sender
 * may only write to the ingest topics; nothing else is allowed; and every principal signs in with a password of its
 * own that the compose file asks for.
 */
class KafkaAclTests {

    /** What each service publishes: its events, ingest's refusals, erasure confirmations and its dead letters. */
    private static final Map<LocalService, Set<String>> PUBLISHES = Map.of(
            LocalService.CONTACT, Set.of(Topics.CONTACT_EVENTS, Topics.INGEST_REJECTED, Topics.PRIVACY_TEXT_KEYS),
            LocalService.FEEDBACK, Set.of(Topics.FEEDBACK_EVENTS, Topics.INGEST_REJECTED, Topics.PRIVACY_TEXT_KEYS),
            LocalService.ESCALATION, Set.of(Topics.ESCALATION_EVENTS, Topics.PRIVACY_TEXT_KEYS),
            LocalService.ANALYTICS, Set.of());
    /** Topics read without a consumer group (assigned, from the beginning): the text keys, by who opens texts. */
    private static final Map<LocalService, Set<String>> READS_WITHOUT_GROUP = Map.of(
            LocalService.FEEDBACK, Set.of(Topics.PRIVACY_TEXT_KEYS));

    private static List<ComposeAcls> acls;
    private static Map<String, Map<String, Object>> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        acls = ComposeAcls.read();
        compose = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(
                Files.readString(ServiceSettings.ROOT.resolve("docker-compose.yml")))).get("services");
    }

    private static boolean allowed(String principal, String operation, String kind, String resource) {
        return acls.stream().anyMatch(acl -> acl.principal().equals(principal) && acl.operations().contains(operation)
                && acl.covers(kind, resource));
    }

    @Test
    void eachServiceReadsWhatItsBindingsNameAndWritesWhatItPublishes() throws IOException {
                for (LocalService service : ServiceSettings.SERVICES) {
            String principal = service.serviceName();
            for (Map.Entry<String, String> binding : bindings(service).entrySet()) {
                assertThat(allowed(principal, "Read", "topic", binding.getKey())).as("%s reads %s", principal,
                        binding.getKey()).isTrue();
                assertThat(allowed(principal, "Read", "group", binding.getValue())).as("%s joins %s", principal,
                        binding.getValue()).isTrue();
            }
            Set<String> ungrouped = READS_WITHOUT_GROUP.getOrDefault(service, Set.of());
            for (String topic : ungrouped) {
                assertThat(allowed(principal, "Read", "topic", topic)).as("%s reads %s", principal, topic).isTrue();
            }
            Set<String> writes = new HashSet<>(PUBLISHES.get(service));
            writes.addAll(Set.of(Topics.PRIVACY_ERASURES, Topics.deadLetter(principal)));
            for (String topic : writes) {
                assertThat(allowed(principal, "Write", "topic", topic)).as("%s writes %s", principal, topic).isTrue();
            }
            for (NewTopic topic : PlatformTopics.list(new KafkaTopicsProperties(3, (short) 1, Duration.ofDays(7),
                    new ConsumerErrorPolicy.ConsumerRetries(3, Duration.ofSeconds(1))))) {
                assertThat(allowed(principal, "Create", "topic", topic.name())).as("%s declares %s", principal,
                        topic.name()).isTrue();
            }
            // and no more: every read and write of the service's lines is one of those
            acls.stream().filter(acl -> acl.principal().equals(principal)).forEach(acl -> {
                if (acl.operations().contains("Write")) {
                    assertThat(writes).as("%s may write %s", principal, acl.name()).contains(acl.name());
                }
                if (acl.operations().contains("Read") && acl.kind().equals("topic")) {
                    assertThat(ungrouped.contains(acl.name()) || bindings(service).containsKey(acl.name()))
                            .as("%s may read %s", principal, acl.name()).isTrue();
                }
            });
        }
    }

    @Test
    void aDepartmentsSenderMayOnlyWriteToTheIngestTopics() {
        for (String department : DemoSenders.DEPARTMENTS.split(",")) {
            String principal = "sender-" + department;
            List<ComposeAcls> own = acls.stream().filter(acl -> acl.principal().equals(principal)).toList();
            assertThat(own).extracting(ComposeAcls::name).containsExactlyInAnyOrder(Topics.INGEST_CONTACT, Topics.INGEST_FEEDBACK);
            assertThat(own).allSatisfy(acl -> assertThat(acl.operations()).containsExactly("Write"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPrincipalSignsInWithAPasswordOfItsOwnThatTheComposeFileAsksFor() {
        Map<String, Object> broker = (Map<String, Object>) compose.get("kafka").get("environment");
        String users = String.valueOf(broker.get("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_PLAIN_SASL_JAAS_CONFIG"));
        assertThat(broker).containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        Set<String> principals = new HashSet<>();
        acls.forEach(acl -> principals.add(acl.principal()));
        Set<String> variables = new HashSet<>();
        for (String principal : principals) {
            Matcher user = Pattern.compile("user_" + Pattern.quote(principal) + "=\"\\$\\{([A-Z_]+):\\?").matcher(users);
            assertThat(user.find()).as("the broker knows %s", principal).isTrue();
            variables.add(user.group(1));
        }
        assertThat(variables).as("a password each").hasSameSizeAs(principals);
        for (LocalService service : ServiceSettings.SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) compose.get(service.serviceName()).get("environment");
            assertThat(String.valueOf(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")))
                    .contains("username=\"" + service.serviceName() + "\"")
                    .contains("password=\"${SERVICEPULS_KAFKA_PASSWORD_"
                            + service.serviceName().toUpperCase().replace('-', '_') + ":?");
            assertThat((Map<String, Map<String, Object>>) compose.get(service.serviceName()).get("depends_on"))
                    .containsEntry("kafka-acls", Map.of("condition", "service_completed_successfully"));
        }
        assertThat((List<String>) compose.get("kafka-acls").get("volumes")).contains("./deploy/kafka:/acls:ro");
    }

    /** The service's input bindings: topic to consumer group, with the group's placeholder at its default. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> bindings(LocalService service) {
        try {
            Map<String, String> bindings = new HashMap<>();
            for (Object document : new Yaml().loadAll(Files.readString(ServiceSettings.ROOT
                    .resolve(service.serviceName()).resolve("src/main/resources/application.yml")))) {
                Map<String, Object> stream = dig((Map<String, Object>) document, "spring", "cloud", "stream", "bindings");
                if (stream == null) {
                    continue;
                }
                stream.values().forEach(value -> {
                    Map<String, Object> binding = (Map<String, Object>) value;
                    // a binding that multiplexes names its topics comma-separated
                    for (String topic : String.valueOf(binding.get("destination")).split(",")) {
                        bindings.put(topic.trim(), group(service, String.valueOf(binding.get("group"))));
                    }
                });
            }
            return bindings;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String group(LocalService service, String group) {
        // analytics names its group by a setting whose default is the service's name (a replay sets another)
        return group.startsWith("${") ? service.serviceName() : group;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dig(Map<String, Object> map, String... path) {
        Map<String, Object> at = map;
        for (String key : path) {
            if (at == null || !(at.get(key) instanceof Map<?, ?> next)) {
                return null;
            }
            at = (Map<String, Object>) next;
        }
        return at;
    }
}
