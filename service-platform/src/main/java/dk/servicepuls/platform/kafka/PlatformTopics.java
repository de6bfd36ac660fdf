package dk.servicepuls.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dk.servicepuls.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Every topic of the platform, declared by every service; whoever starts first creates them. */
public final class PlatformTopics {

    private static final List<String> DEAD_LETTERS = List.of("contact-service", "feedback-service", "escalation-service",
            "analytics-service");

    private PlatformTopics() {
    }

    public static KafkaAdmin.NewTopics all(KafkaTopicsProperties properties) {
        return new KafkaAdmin.NewTopics(list(properties).toArray(NewTopic[]::new));
    }

    /** Every topic the platform creates, with its partitions, replication and retention: also what a cluster declares. */
    public static List<NewTopic> list(KafkaTopicsProperties properties) {
        String forever = "-1";
        String ingest = Long.toString(properties.ingestRetention().toMillis());
        List<NewTopic> topics = new java.util.ArrayList<>(List.of(
                topic(Topics.INGEST_CONTACT, properties, ingest),
                topic(Topics.INGEST_FEEDBACK, properties, ingest),
                topic(Topics.INGEST_REJECTED, properties, ingest),
                topic(Topics.CONTACT_EVENTS, properties, forever),
                topic(Topics.FEEDBACK_EVENTS, properties, forever),
                topic(Topics.ESCALATION_EVENTS, properties, forever),
                topic(Topics.PRIVACY_ERASURES, properties, forever), textKeys(properties)));
        DEAD_LETTERS.forEach(group -> topics.add(topic(Topics.deadLetter(group), properties, forever)));
        return List.copyOf(topics);
    }

    /**
     * Compacted: a destroyed key's tombstone makes the cleaner drop every earlier record of it within a day
     * ({@code max.compaction.lag.ms}), and the tombstone itself a day later, by when every reader has seen it.
     */
    private static NewTopic textKeys(KafkaTopicsProperties properties) {
        String day = Long.toString(Duration.ofDays(1).toMillis());
        return TopicBuilder.name(Topics.PRIVACY_TEXT_KEYS).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                        TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, day,
                        TopicConfig.DELETE_RETENTION_MS_CONFIG, day,
                        TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())))
                .build();
    }

    private static NewTopic topic(String name, KafkaTopicsProperties properties, String retentionMs) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs)).build();
    }
}
