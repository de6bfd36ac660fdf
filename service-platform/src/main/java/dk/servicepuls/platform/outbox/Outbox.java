package dk.servicepuls.platform.outbox;

import java.util.List;

import dk.servicepuls.platform.store.MappedDocuments;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Puts entries into a document's outbox, in the same write as the state they belong to. Every addition also sets
 * {@link OutboxEntry#SEQUENCE_FIELD}: the relay finds pending documents by it, so an entry added without it would
 * wait until some later write set it.
 */
public final class Outbox {

    private Outbox() {
    }

    /** Gives a document about to be inserted an outbox holding one entry. */
    public static Document withEntry(Document document, OutboxEntry entry, MongoConverter converter) {
        return withEntries(document, List.of(entry), converter);
    }

    /** Gives a document about to be inserted an outbox holding these entries, in this order. */
    public static Document withEntries(Document document, List<OutboxEntry> entries, MongoConverter converter) {
        return document.append(OutboxEntry.SEQUENCE_FIELD, OutboxSequence.next())
                .append(OutboxEntry.FIELD, entries.stream().map(entry -> write(entry, converter)).toList());
    }

    /**
     * Adds entries to the outbox as part of an update document written for the driver itself (a bulk write): they
     * join its {@code $push} and the new sequence its {@code $set}.
     */
    public static Document append(Document update, List<OutboxEntry> entries, MongoConverter converter) {
        Document push = (Document) update.computeIfAbsent("$push", any -> new Document());
        Document set = (Document) update.computeIfAbsent("$set", any -> new Document());
        push.append(OutboxEntry.FIELD, new Document("$each", entries.stream().map(entry -> write(entry, converter)).toList()));
        set.append(OutboxEntry.SEQUENCE_FIELD, OutboxSequence.next());
        return update;
    }

    /** Adds an entry to the outbox as part of an update. */
    public static Update append(Update update, OutboxEntry entry, MongoConverter converter) {
        return update.push(OutboxEntry.FIELD, write(entry, converter)).set(OutboxEntry.SEQUENCE_FIELD, OutboxSequence.next());
    }

    private static Document write(OutboxEntry entry, MongoConverter converter) {
        return MappedDocuments.of(converter, entry);
    }
}
