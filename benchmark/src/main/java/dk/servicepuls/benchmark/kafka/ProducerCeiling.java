package dk.servicepuls.benchmark.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a plain producer gets through the platform's broker (acks=all, idempotent, fixed-size values) on a scratch
 * topic with as many partitions as {@code contact.events}: the yardstick for the ingest rates.
 */
public final class ProducerCeiling {

    public static final int VALUE_BYTES = 512;

    private final String bootstrapServers;

    public ProducerCeiling(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** @param progress told the number of acknowledged records now and then */
    public CeilingResult measure(long records, Duration limit, LongConsumer progress)
            throws InterruptedException, ExecutionException, TimeoutException {
        String topic = "benchmark.ceiling-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(TopicWatcher.CONTACT_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(TopicWatcher.CONTACT_EVENTS).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return produce(topic, partitions, records, limit, progress);
            }
            finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private CeilingResult produce(String topic, int partitions, long records, Duration limit, LongConsumer progress) {
        byte[] value = new byte[VALUE_BYTES];
        new SplittableRandom(42).nextBytes(value);
        AtomicLong acknowledged = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        try (KafkaProducer<byte[], byte[]> producer = Producers.durable(bootstrapServers)) {
            for (long i = 0; i < records && System.nanoTime() < deadline; i++) {
                producer.send(new ProducerRecord<>(topic, value), (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    }
                });
                if (i % 10_000 == 0) {
                    progress.accept(acknowledged.get());
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.accept(acknowledged.get());
        return new CeilingResult(records, acknowledged.get(), seconds, acknowledged.get() / seconds, VALUE_BYTES,
                partitions, acknowledged.get() == records);
    }
}
