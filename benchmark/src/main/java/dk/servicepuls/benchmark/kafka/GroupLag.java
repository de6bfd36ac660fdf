package dk.servicepuls.benchmark.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's lag: end offsets minus committed offsets, summed over the partitions it has committed on. */
public final class GroupLag implements AutoCloseable {

    public static final List<String> GROUPS = List.of("contact-service", "feedback-service", "escalation-service",
            "analytics-service");

    private final Admin admin;

    public GroupLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public long lag(String group) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        if (latest.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            long end = ends.get(entry.getKey()).offset();
            lag += entry.getValue() == null ? end : Math.max(0, end - entry.getValue().offset());
        }
        return lag;
    }

    /** How many records the topics hold: end offsets minus beginning offsets, over every partition. */
    public long records(List<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (org.apache.kafka.clients.admin.TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                .get(30, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(partition -> {
                TopicPartition key = new TopicPartition(topic.name(), partition.partition());
                earliest.put(key, OffsetSpec.earliest());
                latest.put(key, OffsetSpec.latest());
            });
        }
        return sum(admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS))
                - sum(admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS));
    }

    /** How far the group has committed on the topics, summed over their partitions; 0 before its first commit. */
    public long committed(String group, List<String> topics) throws InterruptedException, ExecutionException,
            TimeoutException {
        long committed = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
            if (entry.getValue() != null && topics.contains(entry.getKey().topic())) {
                committed += entry.getValue().offset();
            }
        }
        return committed;
    }

    private static long sum(Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets) {
        return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
