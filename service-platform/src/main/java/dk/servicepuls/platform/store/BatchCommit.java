package dk.servicepuls.platform.store;

import com.mongodb.WriteConcern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.WriteConcernResolver;

/**
 * Makes a consumer's writes for one batch durable together, where {@link StoreProperties#batchCommit()} is on: the
 * writes made while {@link #of} runs go out unjournaled ({@code j: false}, which the embedded store answers without
 * committing), and when it ends, normally or not, one {@code fsync} commits all of them before the binder commits
 * any of the batch's offsets. A crash before that loses only writes whose records are delivered again, and the
 * store's commits are whole, ordered snapshots: what survives is always everything up to some point. Writes of
 * other threads (HTTP requests, the relay, schedules) are durable when acknowledged, as ever. Off, it just runs the
 * batch.
 */
public final class BatchCommit {

    private static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);
    private static final ThreadLocal<Boolean> IN_BATCH = new ThreadLocal<>();

    private final MongoTemplate mongo;
    private final boolean enabled;

    /** Where enabled, gives the template the write concern of a batch in progress (it asks per write). */
    public BatchCommit(MongoTemplate mongo, StoreProperties properties) {
        this.mongo = mongo;
        this.enabled = properties.batchCommit();
        if (this.enabled) {
            mongo.setWriteConcernResolver(resolver());
        }
    }

    /** Runs one batch's work; on return (or throw) everything it wrote is durable. */
    public void of(Runnable batch) {
        if (!this.enabled || Boolean.TRUE.equals(IN_BATCH.get())) {
            batch.run();
            return;
        }
        IN_BATCH.set(Boolean.TRUE);
        try {
            batch.run();
        }
        finally {
            IN_BATCH.remove();
            this.mongo.executeCommand(new Document("fsync", 1));
        }
    }

    /** Picks the unjournaled write concern for the writes of a batch in progress on this thread. */
    static WriteConcernResolver resolver() {
        return action -> Boolean.TRUE.equals(IN_BATCH.get()) ? UNJOURNALED : action.getDefaultWriteConcern();
    }
}
