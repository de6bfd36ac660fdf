package dk.servicepuls.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform uses Kafka: its topics, declared at start-up (Kafka is not trusted to create them on demand), and
 * what its consumers do with a record they cannot process.
 *
 * @param partitions        per topic; a case's events share a partition through the key
 * @param replicationFactor 1 for the local mode and a one-broker pilot, 3 in a cluster
 * @param ingestRetention   how long raw ingest records are kept; the event topics are the history and keep all
 * @param consumerRetries   how often a record that fails is tried before it is parked on the dead-letter topic
 */
@ConfigurationProperties("servicepuls.kafka")
public record KafkaTopicsProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("7d") Duration ingestRetention,
        @DefaultValue ConsumerErrorPolicy.ConsumerRetries consumerRetries) {
}
