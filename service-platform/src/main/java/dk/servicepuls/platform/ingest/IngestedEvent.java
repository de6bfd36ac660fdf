package dk.servicepuls.platform.ingest;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.platform.outbox.OutboxEntry;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * A normalised event as the service keeps it: one document per (source, id), which makes the idempotency key the
 * primary key, and which carries its own outbox entry until the relay has published it.
 */
public record IngestedEvent(@Id Key id, String type, Instant time, String subject, String department, Document data,
        Instant receivedAt, Long outboxSeq, List<OutboxEntry> outbox) {

    public record Key(String source, String id) {
    }
}
