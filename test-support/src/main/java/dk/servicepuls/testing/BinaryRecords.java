package dk.servicepuls.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
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
        try {
            return producer.send(record(topic, key, headers, value)).get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record to send: its key, its headers (see {@link #headers}) and its value. */
    public record Outgoing(String key, Map<String, String> headers, String value) {
    }

    /** Sends all records at once, in their order, and returns when the broker has acknowledged every one of them. */
    public List<RecordMetadata> sendAll(String topic, List<Outgoing> records) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (Outgoing outgoing : records) {
            sends.add(producer.send(record(topic, outgoing.key(), outgoing.headers(), outgoing.value())));
        }
        List<RecordMetadata> sent = new ArrayList<>(sends.size());
        try {
            for (Future<RecordMetadata> send : sends) {
                sent.add(send.get(30, TimeUnit.SECONDS));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
        return sent;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Whether the consumer group has committed an offset past this record, which it does only once processed. */
    public boolean consumed(RecordMetadata sent) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        OffsetAndMetadata committed = offsets.get(new TopicPartition(sent.topic(), sent.partition()));
        return committed != null && committed.offset() > sent.offset();
    }

    /**
     * How many records on these topics the consumer group has not committed yet: end offsets minus committed offsets,
     * over every partition of the topics (a partition the group never committed on counts from 0). Zero means the
     * group has processed everything on them so far, duplicates included.
     */
    public long lag(String... topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(List.of(topics)).allTopicNames().get(10, TimeUnit.SECONDS)
                .values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    /**
     * Whether every partition of these topics has a leader that answers: a burst sent to a partition whose leader is
     * still taking over can meet a refusal, and the idempotent producer's retry then an out-of-order sequence it never
     * gets past. Await this after a service has just declared its topics, before sending to them.
     */
    public boolean ready(String... topics) {
        try {
            return lag(topics) >= 0;
        }
        catch (Exception notYet) {
            return false;
        }
    }

    /** Whether the consumer group has committed past every record on these topics: {@code lag(topics) == 0}. */
    public boolean caughtUp(String... topics) throws Exception {
        return lag(topics) == 0;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
