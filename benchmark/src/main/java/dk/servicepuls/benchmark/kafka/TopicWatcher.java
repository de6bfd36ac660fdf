package dk.servicepuls.benchmark.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dk.servicepuls.benchmark.load.EventIds;

/**
 * Reads {@code contact.events} and {@code escalation.events} from their ends onwards, outside any consumer group (so
 * it changes no group's lag), and tells each phase when its events arrive: a {@code contact.events} record by its
 * {@code ce_id}, a {@code task.created} by its case id ({@code ce_subject}) and the time it was published.
 */
public final class TopicWatcher implements AutoCloseable {

    public static final String CONTACT_EVENTS = "contact.events";
    public static final String ESCALATION_EVENTS = "escalation.events";
    private static final String TASK_CREATED = "dk.servicepuls.task.created.v1";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, ArrivalLog> phases = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Long> taskCreated = (caseId, publishedAtMillis) -> { };
    private final Thread poller;
    private volatile boolean running = true;

    public TopicWatcher(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(CONTACT_EVENTS, ESCALATION_EVENTS)) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the positions now: what was published before the watcher started is not ours to count
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        poller = new Thread(this::poll, "topic-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts counting the {@code contact.events} arrivals of the events tagged {@code tag}, numbered 0 to expected-1. */
    public ArrivalLog watch(String tag, int expected) {
        ArrivalLog log = new ArrivalLog(expected);
        phases.put(tag, log);
        return log;
    }

    /** Called with the case id and the publication time (epoch ms) of every task.created from now on. */
    public void onTaskCreated(BiConsumer<String, Long> listener) {
        this.taskCreated = listener;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    if (record.topic().equals(CONTACT_EVENTS)) {
                        String id = header(record, "ce_id");
                        String tag = EventIds.tag(id);
                        ArrivalLog log = tag == null ? null : phases.get(tag);
                        if (log != null) {
                            log.arrived(EventIds.number(id), now);
                        }
                    }
                    else if (TASK_CREATED.equals(header(record, "ce_type"))) {
                        taskCreated.accept(header(record, "ce_subject"), record.timestamp());
                    }
                }
            }
        }
        catch (WakeupException stopping) {
            // close() was called
        }
        finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
    }
}
