package dk.servicepuls.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class LocalInfrastructureIntegrationTests {

    private static final String TOPIC = "local.it.events";

    private static final String GROUP = "local-it";

    @TempDir
    Path dataDir;

    @Test
    void brokerAndStoreKeepTheirDataAcrossARestart() throws Exception {
        Path kafkaDir = this.dataDir.resolve("kafka");
        Path storeFile = this.dataDir.resolve("store.mv");
        int kafkaPort = FreePorts.find();
        int storePort = FreePorts.find();
        String clusterId;

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(kafkaDir, kafkaPort);
                LocalDocumentStore store = LocalDocumentStore.start(storeFile, storePort)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + kafkaPort);
            assertThat(store.connectionString()).isEqualTo("mongodb://localhost:" + storePort);
            clusterId = broker.clusterId();

            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "min.insync.replicas", "1")))).all().get();
                Config brokerConfig = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
                        .all().get().values().iterator().next();
                assertThat(brokerConfig.get("auto.create.topics.enable").value()).isEqualTo("false");
            }

            try (KafkaProducer<String, String> producer = producer(broker)) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, "case-1", "opened")).get();
                assertThat(sent.hasOffset()).isTrue();
            }

            try (KafkaConsumer<String, String> consumer = consumer(broker, GROUP)) {
                consumer.subscribe(List.of(TOPIC));
                List<ConsumerRecord<String, String>> records = pollUntilOne(consumer);
                assertThat(records).singleElement().satisfies((record) -> {
                    assertThat(record.key()).isEqualTo("case-1");
                    assertThat(record.value()).isEqualTo("opened");
                });
                consumer.commitSync();
            }

            try (MongoClient client = MongoClients.create(store.connectionString())) {
                cases(client).insertOne(new Document("_id", "case-1").append("status", "opened"));
                assertThat(cases(client).countDocuments()).isEqualTo(1);
            }
        }

        assertThat(kafkaDir.resolve("meta.properties")).isRegularFile();
        assertThat(storeFile).isRegularFile();

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(kafkaDir, kafkaPort);
                LocalDocumentStore store = LocalDocumentStore.start(storeFile, storePort)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);

            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
                Config topicConfig = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                        .all().get().get(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC));
                assertThat(topicConfig.get("retention.ms").value()).isEqualTo("-1");
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(1);
            }

            try (KafkaConsumer<String, String> consumer = consumer(broker, "local-it-after-restart")) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollUntilOne(consumer)).singleElement().satisfies((record) -> {
                    assertThat(record.key()).isEqualTo("case-1");
                    assertThat(record.value()).isEqualTo("opened");
                    assertThat(record.offset()).isZero();
                });
            }

            try (KafkaProducer<String, String> producer = producer(broker)) {
                assertThat(producer.send(new ProducerRecord<>(TOPIC, "case-1", "closed")).get().offset()).isEqualTo(1);
            }

            try (MongoClient client = MongoClients.create(store.connectionString())) {
                assertThat(cases(client).find().into(new ArrayList<>())).singleElement()
                        .satisfies((document) -> assertThat(document.getString("status")).isEqualTo("opened"));
            }
        }
    }

    @Test
    void aRestartWithTheSameControllerPortWorksToo() {
        Path kafkaDir = this.dataDir.resolve("kafka");
        int kafkaPort = FreePorts.find();
        int controllerPort = FreePorts.find();
        String clusterId;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(kafkaDir, kafkaPort, controllerPort)) {
            clusterId = broker.clusterId();
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(kafkaDir, kafkaPort, controllerPort);
                Admin admin = admin(broker)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId));
        }
    }

    @Test
    void aSecondBrokerOnTheSameLogDirectoryIsRefusedBeforeItTouchesIt() throws Exception {
        Path kafkaDir = this.dataDir.resolve("kafka");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(kafkaDir, FreePorts.find());
                Admin admin = admin(broker)) {
            assertThatIllegalStateException().isThrownBy(() -> LocalKafkaBroker.start(kafkaDir, FreePorts.find()))
                    .withMessageContaining("in use by another local broker");
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(broker.clusterId());
        }
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(kafkaDir, FreePorts.find())) {
            assertThat(broker.clusterId()).isNotBlank();
        }
    }

    @Test
    void aSecondStoreOnTheSameFileIsRefused() {
        Path storeFile = this.dataDir.resolve("store.mv");
        try (LocalDocumentStore store = LocalDocumentStore.start(storeFile, FreePorts.find())) {
            assertThatIllegalStateException().isThrownBy(() -> LocalDocumentStore.start(storeFile, FreePorts.find()))
                    .withMessageContaining("Cannot open the document store file");
        }
    }

    private static List<ConsumerRecord<String, String>> pollUntilOne(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            assertThat(records).isNotEmpty();
        });
        return records;
    }

    private static MongoCollection<Document> cases(MongoClient client) {
        return client.getDatabase("contact").getCollection("cases");
    }

    private static Admin admin(LocalKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(LocalKafkaBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(LocalKafkaBroker broker, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

}
