package dk.servicepuls.simulator.publish;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.simulator.SimulatedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each event to its ingest topic, keyed by the case id so one case's events stay in order on one partition.
 * A chunk counts as sent once the broker has acknowledged every record of it ({@code acks=all}, idempotent producer).
 * Kafka has no answer per event: refused events land on {@code ingest.rejected}, not in the delivery count.
 */
final class KafkaSink implements EventSink {

    static final String STRUCTURED = "application/cloudevents+json; charset=UTF-8";

    private final Producer<String, byte[]> producer;
    private final KafkaEncoding encoding;
    private final JsonMapper json = JsonMapper.shared();

    KafkaSink(Producer<String, byte[]> producer, KafkaEncoding encoding) {
        this.producer = producer;
        this.encoding = encoding;
    }

    static KafkaSink connect(String bootstrapServers, KafkaEncoding encoding) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "servicepuls-simulator",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaSink(new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), encoding);
    }

    @Override
    public Delivery send(List<SimulatedEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (SimulatedEvent event : events) {
            acks.add(producer.send(record(event)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not take an event: " + e.getCause().getMessage(), e.getCause());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            }
        }
        return new Delivery(events.size(), 0);
    }

    ProducerRecord<String, byte[]> record(SimulatedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        if (encoding == KafkaEncoding.STRUCTURED) {
            header(headers, "content-type", STRUCTURED);
            value = json.writeValueAsBytes(event.toStructured());
        }
        else {
            header(headers, "ce_specversion", CloudEventAttributes.SPEC_VERSION);
            header(headers, "ce_id", event.id());
            header(headers, "ce_source", event.source());
            header(headers, "ce_type", event.type().type());
            header(headers, "ce_time", event.time().toString());
            header(headers, "ce_subject", event.subject());
            header(headers, "ce_" + CloudEventAttributes.DEPARTMENT, event.department());
            // the Kafka binding carries datacontenttype as content-type
            header(headers, "content-type", CloudEventAttributes.DATA_CONTENT_TYPE);
            value = json.writeValueAsBytes(event.data());
        }
        return new ProducerRecord<>(event.ingestTopic(), null, event.subject(), value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
