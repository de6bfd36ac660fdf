package dk.servicepuls.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning for assertions. Call {@link #records()} inside Awaitility's untilAsserted: each
 * call polls what has arrived since the last.
 */
public final class RecordedTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public RecordedTopic(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        this.topic = topic;
    }

    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * Everything on the topic up to its end offsets as they are now, exactly: polls until this reader has reached the
     * end of every partition, so the answer is a count, not a sample. For after the writers have finished (a stopped
     * service, a consumer caught up); fails when the end is not reached in {@code atMost}.
     */
    public synchronized List<ConsumerRecord<String, byte[]>> recordsUntilNow(Duration atMost) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, atMost).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, atMost);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!reached(ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Did not reach the end of " + topic + " " + ends + " within " + atMost);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (end.getValue() > 0 && (!consumer.assignment().contains(end.getKey())
                    || consumer.position(end.getKey()) < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** How often each event id ({@code ce_id}) occurs among the records, in the order first seen. */
    public static Map<String, Long> countById(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> String.valueOf(header(r, "ce_id")),
                LinkedHashMap::new, Collectors.counting()));
    }

    public List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return records().stream().filter(filter).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
