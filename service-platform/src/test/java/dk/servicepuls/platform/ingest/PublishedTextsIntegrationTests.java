package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.sealing.CaseRef;
import dk.servicepuls.platform.sealing.TextKey;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextSeal;
import dk.servicepuls.testing.FreshStore;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 1, topics = Topics.PRIVACY_TEXT_KEYS, brokerProperties = "offsets.topic.num.partitions=1")
class PublishedTextsIntegrationTests {

    @RegisterExtension
    final FreshStore store = new FreshStore("published-texts");

    private KafkaTemplate<String, byte[]> kafka;
    private TextKeys keys;

    @BeforeEach
    void keys(EmbeddedKafkaBroker broker) {
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        keys = new TextKeys(store.mongo(), kafka, Pseudonymiser.fromBase64Key(
                Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes())),
                Duration.ofSeconds(10), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        kafka.destroy();
    }

    @Test
    void theFreeTextsAndUnknownFieldsGoOutSealedWithTheCasesKeyAndTheStoredEventKeepsThem() {
        Document data = new Document("contactId", "K-1").append("channel", "phone")
                .append("note", "Borgeren spurgte til status").append("extra", new Document("detail", "ringede igen")
                        .append("count", 3).append("lines", List.of("første", 2)));
        IngestedEvent event = event("SAG-1", EventType.CONTACT_RECORDED, data);

        IngestedEvent sealed = new PublishedTexts(keys).sealed(List.of(event)).get(0);

        TextKey key = keys.keyFor(new CaseRef("borgerservice", "SAG-1"));
        Document published = sealed.outbox().get(0).data();
        assertThat(published.getString("contactId")).isEqualTo("K-1");
        assertThat(published.getString("channel")).isEqualTo("phone");
        assertThat(TextSeal.open(key, published.getString("note"))).contains("Borgeren spurgte til status");
        Document extra = published.get("extra", Document.class);
        assertThat(TextSeal.open(key, extra.getString("detail"))).contains("ringede igen");
        assertThat(extra.getInteger("count")).isEqualTo(3);
        assertThat(TextSeal.open(key, (String) extra.getList("lines", Object.class).get(0))).contains("første");
        assertThat(extra.getList("lines", Object.class).get(1)).isEqualTo(2);
        assertThat(sealed.data().getString("note")).as("the stored event, for the timeline").isEqualTo(
                "Borgeren spurgte til status");
        assertThat(event.outbox().get(0).data().getString("note")).isEqualTo("Borgeren spurgte til status");
    }

    @Test
    void anEventWithoutCaseOrTextMakesNoKeyAndGoesOutAsItIs() {
        IngestedEvent noCase = event(null, EventType.CONTACT_RECORDED, new Document("note", "uden sag"));
        IngestedEvent noText = event("SAG-2", EventType.CONTACT_RECORDED, new Document("contactId", "K-2"));

        List<IngestedEvent> published = new PublishedTexts(keys).sealed(List.of(noCase, noText));

        assertThat(published.get(0).outbox().get(0).data().getString("note")).isEqualTo("uden sag");
        assertThat(published.get(1).outbox().get(0).data()).isEqualTo(new Document("contactId", "K-2"));
        assertThat(store.mongo().getCollection(TextKeys.COLLECTION).countDocuments()).isZero();
    }

    private static IngestedEvent event(String caseId, EventType type, Document data) {
        Instant now = Instant.now();
        OutboxEntry entry = new OutboxEntry("evt-" + caseId, Topics.CONTACT_EVENTS, caseId, "/kommune/esdh", type.type(),
                now, caseId, "borgerservice", data);
        return new IngestedEvent(new IngestedEvent.Key("/kommune/esdh", "evt-" + caseId), type.type(), now, caseId,
                "borgerservice", data, now, List.of(entry));
    }
}
