package dk.servicepuls.platform.ingest;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.platform.outbox.OutboxEntry;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * A normalised event as the service keeps it: one document per (source, id), which makes the idempotency key the
 * primary key. On its way in it carries what is published ({@code outbox}); it is stored without it, once Kafka has
 * it. Documents stored by versions that published through the relay may still hold a pending outbox, which the
 * relay's sweep publishes.
 */
public record IngestedEvent(@Id Key id, String type, Instant time, String subject, String department, Document data,
        Instant receivedAt, List<OutboxEntry> outbox) {

    /** As it is stored: what it published is on Kafka. */
    IngestedEvent published() {
        return new IngestedEvent(id, type, time, subject, department, data, receivedAt, null);
    }

    public record Key(String source, String id) {
    }
}
