package dk.servicepuls.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param collections   the collections whose documents may carry pending outbox entries
 * @param retryInterval how long the relay waits after a failed round (Kafka or the store unavailable) before it
 *                      tries the same documents again
 * @param sweepInterval how often the relay also looks in the store for pending documents it was not told about:
 *                      those of an instance that stopped before relaying them. It also sweeps once at start. The
 *                      sweep reads the sparse {@code outbox_pending} index, which holds only pending documents.
 *                      Zero sweeps at start only: for a single instance (the local mode), where no other instance
 *                      leaves anything behind, and on the embedded store, which ignores that index and would scan
 *                      every stored document
 * @param batchSize     how many documents one relay round publishes at most
 * @param queueCapacity how many written documents may wait for the relay in memory; a writer that finds the queue
 *                      full waits, which slows ingest down to what Kafka takes instead of growing the heap
 */
@ConfigurationProperties("servicepuls.outbox")
public record OutboxProperties(@DefaultValue List<String> collections, @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("10m") Duration sweepInterval, @DefaultValue("1000") int batchSize,
        @DefaultValue("50000") int queueCapacity) {

    public OutboxProperties {
        if (batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("servicepuls.outbox batch-size and queue-capacity must be positive");
        }
    }
}
