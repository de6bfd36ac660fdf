package dk.servicepuls.platform.outbox;

import java.time.Clock;
import java.util.List;

import dk.servicepuls.platform.store.InsertOnce;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Outbox entries Kafka refuses for what they are (too large, not a valid record), which no retry would ever get
 * through: kept in {@value #COLLECTION} with the reason, so that the relay goes on with the rest instead of
 * retrying one round for ever. The entry is kept as the outbox held it (normalised and masked, as the store may
 * hold it), for an operator to look at, fix and send again. Every entry parked is an error in the log and counts in
 * {@code servicepuls.outbox.parked}, which is worth an alert: the contract's limits at the door should make it
 * never happen.
 */
public class ParkedEntries {

    public static final String COLLECTION = "outbox_parked";

    private static final Logger log = LoggerFactory.getLogger(ParkedEntries.class);

    private final MongoTemplate mongo;
    private final Counter parked;
    private final Clock clock;

    public ParkedEntries(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.parked = Counter.builder("servicepuls.outbox.parked")
                .description("Outbox entries Kafka refused for good (too large, invalid), kept in " + COLLECTION)
                .register(meters);
    }

    /** Whether a failed send failed for the record itself, so that sending it again can only fail again. */
    static boolean refusedForGood(Throwable failure) {
        return refusal(failure) != null;
    }

    private static Throwable refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof SerializationException) {
                return cause;
            }
        }
        return null;
    }

    /** One refused entry: where it was, and why Kafka refused it. */
    record Refused(String collection, Object documentId, Document entry, Throwable failure) {
    }

    /** Keeps the entries; one kept already (a round that failed after parking it) is not kept twice. */
    void park(List<Refused> refused) {
        if (refused.isEmpty()) {
            return;
        }
        InsertOnce.Result kept = InsertOnce.insert(mongo.getCollection(COLLECTION),
                refused.stream().map(this::document).toList());
        if (kept.failure() != null) {
            throw kept.failure();
        }
        for (Refused entry : refused) {
            parked.increment();
            // identifiers and the reason only: the data stays in the store
            log.error("Outbox entry parked in {}: Kafka refused event source={} id={} type={} for topic {} ({}); "
                    + "the relay goes on with the rest", COLLECTION, entry.entry().getString("source"),
                    entry.entry().getString("eventId"), entry.entry().getString("type"),
                    entry.entry().getString("topic"), reason(entry.failure()));
        }
    }

    private Document document(Refused refused) {
        Document entry = refused.entry();
        return new Document("_id", refused.collection() + " " + entry.getString("source") + " " + entry.getString("eventId"))
                .append("collection", refused.collection()).append("documentId", refused.documentId())
                .append("reason", reason(refused.failure())).append("parkedAt", clock.instant()).append("entry", entry);
    }

    /** The refusal's own class and message: Kafka's say what was wrong with the record (its size), not what it holds. */
    private static String reason(Throwable failure) {
        Throwable refusal = refusal(failure);
        Throwable named = refusal != null ? refusal : failure;
        return named.getClass().getSimpleName() + ": " + named.getMessage();
    }
}
