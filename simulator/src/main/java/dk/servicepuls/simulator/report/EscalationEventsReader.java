package dk.servicepuls.simulator.report;

import dk.servicepuls.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code escalation.events} from the beginning, without a consumer group (nothing is committed), until the
 * topic has been quiet for a while: the platform works through the stream after the simulator has sent it, so the
 * end of the topic now is not the end of what is coming.
 */
public final class EscalationEventsReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private final JsonMapper json = JsonMapper.shared();

    /**
     * @param quiet  stop once no record has come for this long and every partition has been read to its end
     * @param atMost stop after this long in any case
     */
    public Observations read(String bootstrapServers, Duration quiet, Duration atMost, Consumer<String> progress) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "servicepuls-simulator-report",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            return read(consumer, quiet, atMost, progress);
        }
    }

    Observations read(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, Duration quiet,
            Duration atMost, Consumer<String> progress) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ESCALATION_EVENTS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Observations observations = new Observations();
        long start = System.nanoTime();
        long lastRecord = start;
        long lastLine = start;
        while (true) {
            var records = consumer.poll(POLL);
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> record : records) {
                add(observations, record);
                lastRecord = now;
            }
            if (now - lastLine > Duration.ofSeconds(5).toNanos()) {
                lastLine = now;
                progress.accept("report: " + observations.events() + " escalation events read, waiting for the platform");
            }
            boolean quietLongEnough = now - lastRecord >= quiet.toNanos() && atEnd(consumer, partitions);
            if (quietLongEnough || now - start >= atMost.toNanos()) {
                return observations;
            }
        }
    }

    private static boolean atEnd(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
            List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.getOrDefault(p, 0L));
    }

    void add(Observations observations, ConsumerRecord<String, byte[]> record) {
        String contentType = header(record, "content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents+json")) {
            JsonNode event = json.readTree(record.value());
            observations.add(event.path("type").asString(""), event.path("subject").asString(record.key()),
                    event.path("data"));
            return;
        }
        String subject = header(record, "ce_subject");
        observations.add(header(record, "ce_type"), subject != null ? subject : record.key(), json.readTree(record.value()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
