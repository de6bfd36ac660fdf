package dk.servicepuls.platform.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dk.servicepuls.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a consumer binding does with a record its function could not process, set on every listener container of the
 * service (the binder takes one customizer). A batch function names the failing record by throwing a
 * {@link org.springframework.kafka.listener.BatchListenerFailedException}: the records before it are committed, it
 * is retried, and then it is parked on {@code <service>.dlq} with the reason in the {@code kafka_dlt-*} headers and
 * the partition moves on. A failure of the store itself (it is away, it times out) is no fault of the record: it is
 * retried with a growing pause until the store is back, and never parked or committed as done. Topics that must
 * never park a record ({@link RetryUntilDurable}) are retried that way whatever failed.
 */
public class ConsumerErrorPolicy implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorPolicy.class);

    /**
     * What says the store, not the record, failed: it is away, or did not answer in time; or something else the
     * service depends on ({@link NotTheRecordsFault}).
     */
    private static final List<Class<? extends Throwable>> STORE_AWAY = List.of(DataAccessResourceFailureException.class,
            TransientDataAccessException.class, MongoSocketException.class, MongoTimeoutException.class,
            NotTheRecordsFault.class);

    /** How a batch that failed because the store is away is retried: from 1 s, doubling, at most every 30 s. */
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** A topic whose records are retried until they are durable, never parked. */
    public record RetryUntilDurable(String topic, Duration initialInterval, Duration maxInterval) {
    }

    private final KafkaOperations<?, ?> deadLetters;
    private final String deadLetterTopic;
    private final List<RetryUntilDurable> retryUntilDurable;
    private final ConsumerRetries retries;

    /**
     * @param retries how often, and how far apart, a failing record is tried before it is parked
     */
    public ConsumerErrorPolicy(KafkaOperations<?, ?> deadLetters, String service, List<RetryUntilDurable> retryUntilDurable,
            ConsumerRetries retries) {
        this.deadLetters = deadLetters;
        this.deadLetterTopic = Topics.deadLetter(service);
        this.retryUntilDurable = retryUntilDurable;
        this.retries = retries;
    }

    /**
     * @param attempts how often a failing record is tried in all before it is parked
     * @param interval the pause between two tries
     */
    public record ConsumerRetries(@DefaultValue("3") int attempts, @DefaultValue("1s") Duration interval) {
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group) {
        for (RetryUntilDurable durable : retryUntilDurable) {
            if (durable.topic().equals(destination)) {
                container.setCommonErrorHandler(retryingForever(durable.initialInterval(), durable.maxInterval()));
                return;
            }
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(deadLetterTopic, -1));
        DefaultErrorHandler parking = new DefaultErrorHandler(recoverer,
                new FixedBackOff(retries.interval().toMillis(), Math.max(0, retries.attempts() - 1)));
        parking.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
                log.warn("Record {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(), record.offset(),
                        attempt, ex.getMessage());
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
                log.warn("Record {}-{}@{} parked on {}", record.topic(), record.partition(), record.offset(), deadLetterTopic);
            }
        });
        // the cause chain too: a batch function names its failing record with the store's exception as the cause
        CommonDelegatingErrorHandler handler = new CommonDelegatingErrorHandler(parking);
        handler.setCauseChainTraversing(true);
        DefaultErrorHandler untilBack = retryingForever(FIRST_PAUSE, LONGEST_PAUSE);
        Map<Class<? extends Throwable>, CommonErrorHandler> byCause = new LinkedHashMap<>();
        STORE_AWAY.forEach(type -> byCause.put(type, untilBack));
        handler.setErrorHandlers(byCause);
        container.setCommonErrorHandler(handler);
    }

    private static DefaultErrorHandler retryingForever(Duration firstPause, Duration longestPause) {
        ExponentialBackOff backOff = new ExponentialBackOff(firstPause.toMillis(), 2.0);
        backOff.setMaxInterval(longestPause.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
                log.warn("Record on {} not yet durable (attempt {}), retrying: {}", record.topic(), attempt, ex.getMessage());
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
                log.warn("Batch of {} records on {} not yet durable (attempt {}), retrying: {}", records.count(),
                        records.partitions().stream().map(TopicPartition::topic).distinct().toList(), attempt, ex.getMessage());
            }
        });
        return handler;
    }
}
