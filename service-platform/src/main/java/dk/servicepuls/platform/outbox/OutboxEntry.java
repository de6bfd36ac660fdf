package dk.servicepuls.platform.outbox;

import java.time.Instant;

import org.bson.Document;

/**
 * An event waiting in a document's {@code outbox} array until the relay has it on Kafka. Stored with the document
 * it belongs to, in the same write, so a crash can never keep the state and lose the event or the other way round.
 */
public record OutboxEntry(String eventId, String topic, String key, String source, String type, Instant time,
        String subject, String department, Document data) {

    public static final String FIELD = "outbox";
    /**
     * Orders pending documents for the relay; set (from {@link OutboxSequence}) whenever entries are added, and
     * removed by the relay once the outbox is empty.
     */
    public static final String SEQUENCE_FIELD = "outboxSeq";
}
