package dk.servicepuls.platform.sealing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The text keys a service that reads sealed texts may need, read from {@code privacy.text-keys} from its beginning
 * by a thread of its own (no consumer group: every instance holds every live key) and forgotten at their tombstones.
 * Keys are published before anything sealed with them, so a key that is missing when a text needs it is either on
 * its way or destroyed: {@link #prepare} then reads the topic to the end it has at that moment, and what is still
 * missing was destroyed, and its texts stay unread ({@code servicepuls_sealed_texts_unreadable_total}). Where the
 * topic cannot be read to its end in time, {@link #prepare} throws {@link TextKeysUnavailableException} and the batch
 * is tried again: a text is never taken for unreadable because its key could not be looked for.
 */
public class TextKeyRing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TextKeyRing.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final KeyWrapping wrapping;
    private final Duration catchUpLimit;
    private final Counter unreadable;
    private final Map<String, TextKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUps = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread reader;
    private boolean warnedForeign;

    /**
     * @param consumerConfig the platform's consumer settings (bootstrap servers, security); a group is not used
     * @param catchUpLimit   how long {@link #prepare} waits for the topic to be read to its end before it gives up
     *                       (the broker away): the batch that needed it is then tried again, not read without texts
     */
    public TextKeyRing(Map<String, Object> consumerConfig, Pseudonymiser secret, Duration catchUpLimit,
            MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.wrapping = KeyWrapping.of(secret);
        this.catchUpLimit = catchUpLimit;
        this.unreadable = Counter.builder("servicepuls.sealed.texts.unreadable")
                .description("Sealed texts whose key was destroyed (erasure, retention) or never published")
                .register(meters);
    }

    /**
     * Makes sure the keys of these values are known, where they can be: when one of them is sealed under a key not
     * known yet, reads the topic up to its present end first.
     *
     * @throws TextKeysUnavailableException when the topic could not be read to its end within the limit
     */
    public void prepare(Collection<String> values) {
        boolean missing = values.stream().map(TextSeal::keyId).flatMap(Optional::stream)
                .anyMatch(id -> !keys.containsKey(id));
        if (missing) {
            catchUp();
        }
    }

    /**
     * The text as it was before it was sealed; a value that is not sealed as it is; empty where the key was destroyed
     * or the value does not open (call {@link #prepare} with the batch's values first).
     */
    public Optional<String> open(String value) {
        if (!TextSeal.isSealed(value)) {
            return Optional.ofNullable(value);
        }
        TextKey key = keys.get(TextSeal.keyId(value).orElseThrow());
        Optional<String> text = key == null ? Optional.empty() : TextSeal.open(key, value);
        if (text.isEmpty()) {
            unreadable.increment();
        }
        return text;
    }

    /** How many live keys this instance holds. */
    public int size() {
        return keys.size();
    }

    private void catchUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        catchUps.add(done);
        Consumer<String, byte[]> polling = consumer;
        if (polling != null) {
            polling.wakeup();
        }
        try {
            done.get(catchUpLimit.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new TextKeysUnavailableException("Interrupted while reading " + Topics.PRIVACY_TEXT_KEYS, stop);
        }
        catch (ExecutionException | TimeoutException notRead) {
            throw new TextKeysUnavailableException(Topics.PRIVACY_TEXT_KEYS + " was not read to its end within "
                    + catchUpLimit, notRead);
        }
    }

    /** Reads until stopped; a consumer that fails to start (the broker's address not resolvable yet) is made again. */
    private void readUntilStopped() {
        while (running) {
            try {
                read();
            }
            catch (RuntimeException cannotStart) {
                log.warn("Cannot read {} yet, trying again: {}", Topics.PRIVACY_TEXT_KEYS, cannotStart.getClass().getName());
                try {
                    TimeUnit.SECONDS.sleep(1);
                }
                catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // what is still asked was not answered: not a destroyed key but a stop, which the asker retries
        for (CompletableFuture<Void> next; (next = catchUps.poll()) != null;) {
            next.completeExceptionally(new IllegalStateException("stopped"));
        }
    }

    private void read() {
        try (Consumer<String, byte[]> reading = new KafkaConsumer<>(consumerConfig)) {
            consumer = reading;
            List<TopicPartition> partitions = List.of();
            // questions taken off the queue stay here until answered: a wake-up halfway asks the ends again
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            while (running) {
                try {
                    if (partitions.isEmpty()) {
                        partitions = assign(reading);
                        if (partitions.isEmpty()) {
                            // the topic is not there yet: every service declares it at start, so it will be
                            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
                        }
                        continue;
                    }
                    take(reading.poll(POLL));
                    for (CompletableFuture<Void> next; (next = catchUps.poll()) != null;) {
                        asked.add(next);
                    }
                    if (!asked.isEmpty()) {
                        // the ends are taken after the question came, so every key published before it is below them
                        Map<TopicPartition, Long> ends = reading.endOffsets(partitions, catchUpLimit);
                        while (running && !reached(reading, ends)) {
                            take(reading.poll(POLL));
                        }
                        if (running) {
                            asked.forEach(done -> done.complete(null));
                            asked.clear();
                        }
                    }
                }
                catch (WakeupException askedToLook) {
                    // a catch-up or a stop: the loop looks at both
                }
                catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    break;
                }
                catch (RuntimeException brokerTrouble) {
                    log.warn("Reading {} failed, trying again: {}", Topics.PRIVACY_TEXT_KEYS,
                            brokerTrouble.getClass().getName());
                }
            }
            asked.forEach(done -> done.completeExceptionally(new IllegalStateException("stopped")));
        }
        finally {
            consumer = null;
        }
    }

    private static List<TopicPartition> assign(Consumer<String, byte[]> reading) {
        List<PartitionInfo> infos = reading.partitionsFor(Topics.PRIVACY_TEXT_KEYS, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        reading.assign(partitions);
        reading.seekToBeginning(partitions);
        return partitions;
    }

    private static boolean reached(Consumer<String, byte[]> reading, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reading.position(end.getKey()) >= end.getValue());
    }

    private void take(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                keys.remove(record.key());
                continue;
            }
            Optional<TextKey> key = wrapping.unwrap(record.key(), record.value());
            if (key.isPresent()) {
                keys.put(record.key(), key.get());
            }
            else if (!warnedForeign) {
                warnedForeign = true;
                log.warn("A key on {} does not open under this deployment's secret (another deployment's, or changed):"
                        + " texts sealed with such keys stay unread", Topics.PRIVACY_TEXT_KEYS);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::readUntilStopped, "text-key-ring");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> polling = consumer;
        if (polling != null) {
            polling.wakeup();
        }
        if (reader == null) {
            return;
        }
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Before the consumer bindings start and after they stop: a batch being handled while the service stops still
     * gets its keys looked for, rather than a stopped ring's answer.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4000;
    }
}
