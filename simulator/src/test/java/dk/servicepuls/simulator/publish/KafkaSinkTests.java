package dk.servicepuls.simulator.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.simulator.Municipality;
import dk.servicepuls.simulator.SimulatedEvent;
import dk.servicepuls.simulator.SimulationSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KafkaSinkTests {

    private static final List<SimulatedEvent> EVENTS =
            Municipality.simulate(SimulationSettings.defaults().withSeed(5).withCases(50)).events();

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @Test
    void writesEachEventToItsIngestTopicKeyedByCaseId() {
        Delivery delivery = new KafkaSink(producer, KafkaEncoding.BINARY).send(EVENTS);

        assertThat(delivery.accepted()).isEqualTo(EVENTS.size());
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSameSizeAs(EVENTS);
        for (int i = 0; i < EVENTS.size(); i++) {
            assertThat(sent.get(i).topic()).isEqualTo(EVENTS.get(i).type().ingestTopic());
            assertThat(sent.get(i).key()).isEqualTo(EVENTS.get(i).subject());
        }
        assertThat(sent).extracting(ProducerRecord::topic).contains("ingest.contact", "ingest.feedback");
    }

    @Test
    void binaryModePutsTheAttributesInCeHeadersAndTheDataInTheValue() {
        SimulatedEvent event = EVENTS.get(0);
        ProducerRecord<String, byte[]> record = new KafkaSink(producer, KafkaEncoding.BINARY).record(event);

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(event.id());
        assertThat(header(record, "ce_source")).isEqualTo(event.source());
        assertThat(header(record, "ce_type")).isEqualTo(EventType.CASE_OPENED.type());
        assertThat(header(record, "ce_time")).isEqualTo(event.time().toString());
        assertThat(header(record, "ce_subject")).isEqualTo(event.subject());
        assertThat(header(record, "ce_department")).isEqualTo(event.department());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(JsonMapper.shared().readTree(record.value())).isEqualTo(event.data());
    }

    @Test
    void structuredModePutsTheWholeEventInTheValue() {
        SimulatedEvent event = EVENTS.get(0);
        ProducerRecord<String, byte[]> record = new KafkaSink(producer, KafkaEncoding.STRUCTURED).record(event);

        assertThat(header(record, "content-type")).startsWith("application/cloudevents+json");
        assertThat(record.headers().lastHeader("ce_id")).isNull();
        JsonNode value = JsonMapper.shared().readTree(record.value());
        assertThat(value.path("id").asString()).isEqualTo(event.id());
        assertThat(value.path("data")).isEqualTo(event.data());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
