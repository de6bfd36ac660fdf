package dk.servicepuls.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.platform.store.BatchCommit;
import dk.servicepuls.platform.store.StoreProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// one offsets partition: a fresh broker otherwise spends many seconds creating fifty before a group can join
@EmbeddedKafka(partitions = 1, topics = OutboxPublisherIntegrationTests.TOPIC, brokerProperties = "offsets.topic.num.partitions=1")
class OutboxPublisherIntegrationTests {

    static final String TOPIC = "outbox.test";

    private static final String COLLECTION = "cases";

    private MongoClient client;
    private MongoTemplate mongo;
    private KafkaTemplate<String, byte[]> kafka;
    private OutboxPublisher publisher;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void connect(EmbeddedKafkaBroker broker) {
        String uri = EmbeddedStore.freshUri("outbox");
        this.client = MongoClients.create(uri);
        this.mongo = new MongoTemplate(this.client, uri.substring(uri.lastIndexOf('/') + 1));
        this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        // batch commit on: the relay takes out what it sent unjournaled, as in the local mode
        this.publisher = new OutboxPublisher(this.mongo, this.kafka, JsonMapper.builder().build(),
                new BatchCommit(this.mongo, new StoreProperties(true)), new ParkedEntries(this.mongo, this.meters, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        this.kafka.destroy();
        this.client.close();
    }

    @Test
    void aPublishedOutboxIsTakenOutWithItsSequence(EmbeddedKafkaBroker broker) {
        try (RecordedTopic topic = new RecordedTopic(broker.getBrokersAsString(), TOPIC)) {
            insertWithEntry("case-1", "event-1");
            insertWithEntry("case-2", "event-2");

            assertThat(this.publisher.publish(COLLECTION, readAsTheRelayDoes("case-1", "case-2"))).isEqualTo(2);

            await().atMost(Duration.ofSeconds(30)).until(() -> ofCases(topic, "case-1", "case-2").size() == 2);
            assertThat(ofCases(topic, "case-1", "case-2")).containsExactly("event-1", "event-2");
            for (String id : List.of("case-1", "case-2")) {
                assertThat(stored(id)).containsEntry("state", "open").doesNotContainKeys(OutboxEntry.FIELD,
                        OutboxEntry.SEQUENCE_FIELD);
            }
        }
    }

    @Test
    void anEntryAppendedWhileTheDocumentWasOnItsWayOutStaysPendingAndGoesOutNextRound(EmbeddedKafkaBroker broker) {
        try (RecordedTopic topic = new RecordedTopic(broker.getBrokersAsString(), TOPIC)) {
            insertWithEntry("case-3", "event-3");
            insertWithEntry("case-4", "event-4");
            List<Document> inFlight = readAsTheRelayDoes("case-3", "case-4");
            this.mongo.updateFirst(Query.query(Criteria.where("_id").is("case-3")),
                    Outbox.append(new Update().set("state", "decided"), entry("case-3", "event-3b"), this.mongo.getConverter()),
                    COLLECTION);

            assertThat(this.publisher.publish(COLLECTION, inFlight)).isEqualTo(2);

            Document appendedTo = stored("case-3");
            assertThat(appendedTo.getList(OutboxEntry.FIELD, Document.class)).extracting(e -> e.getString("eventId"))
                    .containsExactly("event-3b");
            assertThat(appendedTo).containsKey(OutboxEntry.SEQUENCE_FIELD).containsEntry("state", "decided");
            assertThat(stored("case-4")).doesNotContainKeys(OutboxEntry.FIELD, OutboxEntry.SEQUENCE_FIELD);

            assertThat(this.publisher.publish(COLLECTION, readAsTheRelayDoes("case-3"))).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> ofCases(topic, "case-3", "case-4").size() == 3);
            assertThat(ofCases(topic, "case-3", "case-4")).containsExactly("event-3", "event-4", "event-3b");
            assertThat(stored("case-3")).doesNotContainKeys(OutboxEntry.FIELD, OutboxEntry.SEQUENCE_FIELD);
        }
    }

    @Test
    void documentsWaitingForTheRelayGoOutInRoundsOfManyNotOneByOne(EmbeddedKafkaBroker broker) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(this.mongo, this.publisher,
                new OutboxProperties(List.of(COLLECTION), Duration.ofSeconds(1), Duration.ZERO, 100, 1000), meters);
        int documents = 300;
        for (int i = 0; i < documents; i++) {
            insertWithEntry("waiting-" + i, "waiting-event-" + i);
            relay.enqueue(COLLECTION, "waiting-" + i);
        }
        try (RecordedTopic topic = new RecordedTopic(broker.getBrokersAsString(), TOPIC)) {
            relay.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.get("servicepuls.outbox.published").counter().count() == documents);

            assertThat(meters.get("servicepuls.outbox.rounds").counter().count()).as("rounds of up to 100")
                    .isLessThanOrEqualTo(6);
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.records(r -> r.key().startsWith("waiting-")).size() == documents);
            assertThat(topic.records(r -> r.key().startsWith("waiting-"))).extracting(r -> RecordedTopic.header(r, "ce_id"))
                    .as("in the order written").startsWith("waiting-event-0", "waiting-event-1", "waiting-event-2");
        }
        finally {
            relay.stop();
        }
    }

    @Test
    void anEntryKafkaRefusesForGoodIsParkedWithItsReasonAndTheRestGoOut(EmbeddedKafkaBroker broker) {
        try (RecordedTopic topic = new RecordedTopic(broker.getBrokersAsString(), TOPIC)) {
            insertWithEntry("case-5", "event-5");
            // larger than the producer's max.request.size (1 MiB): Kafka refuses it however often it is sent
            this.mongo.getCollection(COLLECTION).insertOne(Outbox.withEntry(new Document("_id", "case-6"),
                    new OutboxEntry("event-6", TOPIC, "case-6", "urn:test", "dk.servicepuls.test.v1",
                            Instant.parse("2026-12-02T08:00:00Z"), "case-6", "byg",
                            new Document("padding", " ".repeat(1_100_000))), this.mongo.getConverter()));
            insertWithEntry("case-7", "event-7");

            assertThat(this.publisher.publish(COLLECTION, readAsTheRelayDoes("case-5", "case-6", "case-7"))).isEqualTo(2);

            await().atMost(Duration.ofSeconds(30)).until(() -> ofCases(topic, "case-5", "case-7").size() == 2);
            for (String id : List.of("case-5", "case-6", "case-7")) {
                assertThat(stored(id)).as("nothing left for the relay to retry").doesNotContainKeys(OutboxEntry.FIELD,
                        OutboxEntry.SEQUENCE_FIELD);
            }
            Document parked = this.mongo.getCollection(ParkedEntries.COLLECTION).find().first();
            assertThat(parked.getString("_id")).isEqualTo(COLLECTION + " urn:test event-6");
            assertThat(parked.getString("reason")).startsWith("RecordTooLargeException").contains("max.request.size");
            assertThat(parked.get("entry", Document.class).getString("eventId")).isEqualTo("event-6");
            assertThat(this.meters.get("servicepuls.outbox.parked").counter().count()).isEqualTo(1);
            assertThat(ofCases(topic, "case-6")).isEmpty();
        }
    }

    private void insertWithEntry(String caseId, String eventId) {
        this.mongo.getCollection(COLLECTION).insertOne(Outbox.withEntry(new Document("_id", caseId).append("state", "open"),
                entry(caseId, eventId), this.mongo.getConverter()));
    }

    private static OutboxEntry entry(String caseId, String eventId) {
        return new OutboxEntry(eventId, TOPIC, caseId, "urn:test", "dk.servicepuls.test.v1",
                Instant.parse("2026-12-02T08:00:00Z"), caseId, "byg", new Document("n", 1));
    }

    /** What {@link OutboxRelay} reads: the outbox and its sequence, by key, in write order. */
    private List<Document> readAsTheRelayDoes(String... ids) {
        Query byKey = Query.query(Criteria.where("_id").in((Object[]) ids));
        byKey.fields().include(OutboxEntry.FIELD).include(OutboxEntry.SEQUENCE_FIELD);
        Map<Object, Document> found = new java.util.HashMap<>();
        this.mongo.find(byKey, Document.class, COLLECTION).forEach(d -> found.put(d.get("_id"), d));
        return java.util.Arrays.stream(ids).map(found::get).toList();
    }

    /** The event ids published for these cases, in topic order (the tests share the topic). */
    private static List<String> ofCases(RecordedTopic topic, String... caseIds) {
        List<String> cases = List.of(caseIds);
        return topic.records(r -> cases.contains(r.key())).stream().map(r -> RecordedTopic.header(r, "ce_id")).toList();
    }

    private Document stored(String id) {
        return this.mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }
}
