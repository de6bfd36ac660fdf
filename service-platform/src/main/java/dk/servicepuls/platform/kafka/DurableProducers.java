package dk.servicepuls.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Producers whose acknowledgement means durable: acks=all and idempotence, on Boot's producer settings. */
public final class DurableProducers {

    private DurableProducers() {
    }

    /** Boot's producer settings with raw-byte values, acks=all and idempotence, and the given key serializer. */
    public static Map<String, Object> config(KafkaProperties kafka, Class<?> keySerializer) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /**
     * For CloudEvents: String keys, raw bytes. A send waits at most {@code maxBlock} for the topic's metadata (the
     * broker away), so that whoever waits for it gets an answer in that time.
     */
    public static KafkaTemplate<String, byte[]> forCloudEvents(KafkaProperties kafka, Duration maxBlock) {
        Map<String, Object> config = config(kafka, StringSerializer.class);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        // the relay and ingest send in bursts and wait for the whole burst: a short linger fills the batches of a
        // burst without adding more than a millisecond or two to a lone event's way to a task
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
