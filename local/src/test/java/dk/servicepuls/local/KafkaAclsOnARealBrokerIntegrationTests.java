package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dk.servicepuls.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose pilot's ACLs ({@code deploy/kafka/acls.txt}) on a real broker that signs every client in (SASL PLAIN)
 * and allows nothing no ACL allows, as the compose file's broker: each principal does what its work needs and is
 * refused the rest.
 */
class KafkaAclsOnARealBrokerIntegrationTests {

    private static LocalKafkaBroker broker;
    @TempDir
    static Path logs;

    @BeforeAll
    static void startABrokerThatSignsEveryoneIn() throws Exception {
        Set<String> principals = new LinkedHashSet<>();
        List<ComposeAcls> acls = ComposeAcls.read();
        acls.forEach(acl -> principals.add(acl.principal()));
        StringBuilder users = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"admin\" password=\"admin-secret\" user_admin=\"admin-secret\"");
        principals.forEach(principal -> users.append(" user_").append(principal).append("=\"").append(principal)
                .append("-secret\""));
        broker = LocalKafkaBroker.start(logs, FreePorts.find(), FreePorts.find(), Map.of(
                "listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.plaintext.plain.sasl.jaas.config", users.append(';').toString(),
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // the controller listener is the broker's own, inside this process
                "super.users", "User:admin;User:ANONYMOUS",
                "allow.everyone.if.no.acl.found", "false"));
        try (Admin admin = Admin.create(client("admin"))) {
            admin.createTopics(List.of(Topics.INGEST_CONTACT, Topics.CONTACT_EVENTS, Topics.ESCALATION_EVENTS,
                    Topics.PRIVACY_ERASURES).stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls.stream().flatMap(acl -> acl.bindings().stream()).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, Object> client(String principal) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + principal + "\" password=\"" + (principal.equals("admin") ? "admin" : principal)
                + "-secret\";");
        return config;
    }

    private static void send(String principal, String topic) throws Exception {
        Map<String, Object> config = client(principal);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "{}".getBytes(StandardCharsets.UTF_8))).get(15, TimeUnit.SECONDS);
        }
    }

    private static void read(String principal, String topic, String group) {
        Map<String, Object> config = client(principal);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            assertThat(consumer.assignment()).as("%s was given %s", principal, topic).isNotEmpty();
        }
    }

    private static Throwable cause(Throwable thrown) {
        return thrown instanceof ExecutionException execution ? execution.getCause() : thrown;
    }

    @Test
    void aServiceWritesWhatItPublishesAndNothingElse() throws Exception {
        send("contact-service", Topics.CONTACT_EVENTS);
        send("escalation-service", Topics.PRIVACY_ERASURES);
        assertThatThrownBy(() -> send("contact-service", Topics.ESCALATION_EVENTS))
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(TopicAuthorizationException.class));
    }

    @Test
    void aServiceReadsItsTopicsInItsOwnGroupOnly() {
        read("escalation-service", Topics.CONTACT_EVENTS, "escalation-service");
        read("analytics-service", Topics.CONTACT_EVENTS, "analytics-replay-2026-12-06");
        assertThatThrownBy(() -> read("escalation-service", Topics.CONTACT_EVENTS, "analytics-service"))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> read("escalation-service", Topics.INGEST_CONTACT, "escalation-service"))
                .isInstanceOfAny(TopicAuthorizationException.class, AssertionError.class);
    }

    @Test
    void aDepartmentsSenderWritesToIngestAndReadsNothing() throws Exception {
        send("sender-borgerservice", Topics.INGEST_CONTACT);
        assertThatThrownBy(() -> send("sender-borgerservice", Topics.CONTACT_EVENTS))
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(TopicAuthorizationException.class));
        assertThatThrownBy(() -> read("sender-borgerservice", Topics.CONTACT_EVENTS, "sender-borgerservice"))
                .isInstanceOfAny(GroupAuthorizationException.class, TopicAuthorizationException.class);
    }
}
