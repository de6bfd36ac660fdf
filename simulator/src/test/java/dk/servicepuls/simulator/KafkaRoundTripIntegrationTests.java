package dk.servicepuls.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.simulator.publish.Delivery;
import dk.servicepuls.simulator.publish.EventSink;
import dk.servicepuls.simulator.publish.KafkaEncoding;
import dk.servicepuls.simulator.publish.Publishing;
import dk.servicepuls.simulator.report.EscalationEventsReader;
import dk.servicepuls.simulator.report.Observations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The Kafka publisher and the report's reader against a real (embedded KRaft) broker. */
class KafkaRoundTripIntegrationTests {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.INGEST_CONTACT, Topics.INGEST_FEEDBACK, Topics.ESCALATION_EVENTS);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void publishesEveryEventToItsIngestTopicKeyedByCaseWithCeHeaders() {
        List<SimulatedEvent> events = Municipality.simulate(SimulationSettings.defaults().withSeed(11).withCases(40)).events();

        Delivery delivery;
        try (EventSink sink = Publishing.kafka(broker.getBrokersAsString(), KafkaEncoding.BINARY)) {
            delivery = Publishing.publish(events, sink, 0, line -> { });
        }

        assertThat(delivery.accepted()).isEqualTo(events.size());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.INGEST_CONTACT, Topics.INGEST_FEEDBACK));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= events.size();
            });
        }
        assertThat(records).hasSize(events.size()).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(header(record, "ce_subject"));
            assertThat(record.topic()).isEqualTo(header(record, "ce_type").contains("feedback")
                    || header(record, "ce_type").contains("complaint") ? Topics.INGEST_FEEDBACK : Topics.INGEST_CONTACT);
        });
    }

    @Test
    void theReportReadsTasksAndRisksInBinaryAndStructuredMode() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
            RecordHeaders binary = new RecordHeaders();
            binary.add("ce_specversion", bytes("1.0"));
            binary.add("ce_type", bytes("dk.servicepuls.task.created.v1"));
            binary.add("ce_subject", bytes("BS-TEST-000001"));
            producer.send(new ProducerRecord<>(Topics.ESCALATION_EVENTS, null, "BS-TEST-000001",
                    "{\"taskId\":\"t1\",\"trigger\":\"decision_pending\"}", binary));
            RecordHeaders structured = new RecordHeaders();
            structured.add("content-type", bytes("application/cloudevents+json"));
            producer.send(new ProducerRecord<>(Topics.ESCALATION_EVENTS, null, "BS-TEST-000002",
                    "{\"type\":\"dk.servicepuls.risk.assessed.v1\",\"subject\":\"BS-TEST-000002\",\"data\":{\"score\":72,"
                            + "\"level\":\"high\",\"factors\":[{\"code\":\"unfavourable_decision_pending\"}]}}", structured));
            producer.flush();
        }

        Observations observed = new EscalationEventsReader().read(broker.getBrokersAsString(), Duration.ofSeconds(1),
                Duration.ofSeconds(60), line -> { });

        assertThat(observed.of("BS-TEST-000001").pendingDecisionTask()).isTrue();
        assertThat(observed.of("BS-TEST-000002").highWhilePending()).isTrue();
        assertThat(observed.of("BS-TEST-000002").maxScore()).isEqualTo(72);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
