package dk.servicepuls.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.testing.FreshStore;
import dk.servicepuls.testing.RecordedTopic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, topics = Topics.PRIVACY_TEXT_KEYS, brokerProperties = "offsets.topic.num.partitions=1")
class TextKeysIntegrationTests {

    private static final Pseudonymiser SECRET = Pseudonymiser.fromBase64Key(
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()));
    private static final CaseRef CASE = new CaseRef("borgerservice", "SAG-2026-0001");

    @RegisterExtension
    final FreshStore store = new FreshStore("text-keys");

    private final List<KafkaTemplate<String, byte[]>> producers = new ArrayList<>();
    private final List<TextKeyRing> rings = new ArrayList<>();

    @AfterEach
    void close() {
        rings.forEach(TextKeyRing::stop);
        producers.forEach(KafkaTemplate::destroy);
    }

    @Test
    void aCaseKeepsOneKeyAcrossInstancesAndTheTopicCarriesItOnlyWrapped(EmbeddedKafkaBroker broker) {
        try (RecordedTopic topic = new RecordedTopic(broker.getBrokersAsString(), Topics.PRIVACY_TEXT_KEYS)) {
            TextKey key = keys(broker).keyFor(CASE);

            assertThat(keys(broker).keyFor(CASE)).as("another instance finds the stored key").isEqualTo(key);
            assertThat(keys(broker).keyFor(new CaseRef("borgerservice", "SAG-2026-0002")).id()).isNotEqualTo(key.id());
            assertThat(store.mongo().getCollection(TextKeys.COLLECTION).countDocuments()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> ofKey(topic, key.id()).size() == 1);
            byte[] published = ofKey(topic, key.id()).get(0).value();
            assertThat(published).isNotNull();
            assertThat(Base64.getEncoder().encodeToString(published))
                    .doesNotContain(Base64.getEncoder().encodeToString(key.bytes()).substring(0, 20));
        }
    }

    @Test
    void aRingOpensWhatItsKeySealedAndNothingOnceTheKeyIsDestroyed(EmbeddedKafkaBroker broker) {
        TextKeys keys = keys(broker);
        TextKeyRing ring = ring(broker, SECRET);
        String sealed = TextSeal.seal(keys.keyFor(CASE), "Borgeren forstod ikke afslaget");

        ring.prepare(List.of(sealed));
        assertThat(ring.open(sealed)).contains("Borgeren forstod ikke afslaget");
        assertThat(ring.open("not sealed")).contains("not sealed");

        assertThat(new TextKeysEraser(keys).erase(new ErasureRequest("/dpo", "dpo-1", CASE.department(), Set.of(),
                List.of(CASE.caseId(), "SAG-unknown"), Instant.now()))).containsEntry(TextKeys.COLLECTION, 1L);

        await().atMost(Duration.ofSeconds(30)).until(() -> ring.open(sealed).isEmpty());
        TextKeyRing startedAfterwards = ring(broker, SECRET);
        startedAfterwards.prepare(List.of(sealed));
        assertThat(startedAfterwards.open(sealed)).as("the topic holds the key's tombstone last").isEmpty();
        assertThat(store.mongo().getCollection(TextKeys.COLLECTION).countDocuments()).isZero();
        assertThat(keys.keyFor(CASE).id()).as("a later text of the case gets a new key").isNotEqualTo(
                TextSeal.keyId(sealed).orElseThrow());
    }

    @Test
    void aRingStartedAfterTheKeyWasPublishedFindsItWhenAskedAndAnotherSecretOpensNothing(EmbeddedKafkaBroker broker) {
        String sealed = TextSeal.seal(keys(broker).keyFor(CASE), "Lang ventetid i telefonen");
        TextKeyRing ring = ring(broker, SECRET);
        TextKeyRing foreign = ring(broker, Pseudonymiser.fromBase64Key(
                Base64.getEncoder().encodeToString("another deployment's secret, 32+".getBytes())));

        ring.prepare(List.of(sealed));
        foreign.prepare(List.of(sealed));

        assertThat(ring.open(sealed)).contains("Lang ventetid i telefonen");
        assertThat(foreign.open(sealed)).isEmpty();
        assertThat(foreign.size()).isZero();
    }

    @Test
    void aKeyKafkaDoesNotTakeIsNeitherStoredNorHandedOutSoNoTextIsSealedWithIt(EmbeddedKafkaBroker broker) {
        TextKeys unreachable = keys("localhost:1", Duration.ofMillis(500));

        assertThatThrownBy(() -> unreachable.keyFor(CASE)).isInstanceOf(TextKeysUnavailableException.class)
                .hasMessageContaining("not on Kafka");
        assertThat(store.mongo().getCollection(TextKeys.COLLECTION).countDocuments())
                .as("a key is stored only once the topic has it").isZero();

        TextKey key = keys(broker).keyFor(CASE);
        TextKeyRing ring = ring(broker, SECRET);
        String sealed = TextSeal.seal(key, "Borgeren ringede igen");
        ring.prepare(List.of(sealed));
        assertThat(ring.open(sealed)).as("the key a text was sealed with is on the topic already").contains(
                "Borgeren ringede igen");
    }

    private TextKeys keys(EmbeddedKafkaBroker broker) {
        return keys(broker.getBrokersAsString(), Duration.ofSeconds(10));
    }

    private TextKeys keys(String bootstrapServers, Duration publishTimeout) {
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) publishTimeout.toMillis())));
        producers.add(kafka);
        return new TextKeys(store.mongo(), kafka, SECRET, publishTimeout, Clock.systemUTC());
    }

    private TextKeyRing ring(EmbeddedKafkaBroker broker, Pseudonymiser secret) {
        TextKeyRing ring = new TextKeyRing(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                secret, Duration.ofSeconds(20), new SimpleMeterRegistry());
        ring.start();
        rings.add(ring);
        return ring;
    }

    private static List<ConsumerRecord<String, byte[]>> ofKey(RecordedTopic topic, String keyId) {
        return topic.records(record -> keyId.equals(record.key()));
    }
}
