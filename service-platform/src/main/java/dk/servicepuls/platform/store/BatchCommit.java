package dk.servicepuls.platform.store;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
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

    /**
     * A collection for writes made the way the template makes them: inside a batch (where enabled) unjournaled. For
     * bulk writes, which the template sends with its one fixed write concern.
     */
    public MongoCollection<Document> collection(String name) {
        MongoCollection<Document> collection = this.mongo.getCollection(name);
        return this.enabled && Boolean.TRUE.equals(IN_BATCH.get()) ? collection.withWriteConcern(UNJOURNALED) : collection;
    }

    /**
     * A collection for writes whose loss in a crash only makes work be done again, such as the relay taking out the
     * entries it sent (they are sent again, and consumers take them for repeats): unjournaled where enabled, so
     * they wait for the next commit instead of making one.
     */
    public MongoCollection<Document> forRepeatableWrites(String name) {
        MongoCollection<Document> collection = this.mongo.getCollection(name);
        return this.enabled ? collection.withWriteConcern(UNJOURNALED) : collection;
    }

    /** Picks the unjournaled write concern for the writes of a batch in progress on this thread. */
    static WriteConcernResolver resolver() {
        return action -> Boolean.TRUE.equals(IN_BATCH.get()) ? UNJOURNALED : action.getDefaultWriteConcern();
    }
}
