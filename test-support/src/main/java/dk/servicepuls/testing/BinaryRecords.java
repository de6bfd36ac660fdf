package dk.servicepuls.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts binary-mode CloudEvents on a topic as the services publish them, and tells when the service's consumer
 * group has committed past a record: the way to assert that something did <em>not</em> happen without sleeping.
 */
public final class BinaryRecords implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final String group;

    public BinaryRecords(String bootstrapServers, String group) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
                new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
    }

    public static Map<String, String> headers(String id, String type, String caseId, String department) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_source", "/test/esdh");
        headers.put("ce_type", type);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", caseId);
        headers.put("ce_department", department);
        headers.put("content-type", "application/json");
        return headers;
    }

    public RecordMetadata send(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the consumer group has committed an offset past this record, which it does only once processed. */
    public boolean consumed(RecordMetadata sent) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        OffsetAndMetadata committed = offsets.get(new TopicPartition(sent.topic(), sent.partition()));
        return committed != null && committed.offset() > sent.offset();
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
