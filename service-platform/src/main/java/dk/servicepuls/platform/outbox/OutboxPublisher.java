package dk.servicepuls.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import dk.servicepuls.platform.cloudevents.CloudEventWriter;
import dk.servicepuls.platform.store.BatchCommit;
import org.apache.kafka.common.KafkaException;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One relay round's work on documents already read: every entry sent at once, acknowledged by Kafka, and then taken
 * out of its document by key, in one bulk write. An entry a writer appended meanwhile stays, and with it the
 * document's place among the pending ones.
 * <p>
 * Every append sets a new {@link OutboxEntry#SEQUENCE_FIELD}, so a document whose sequence is still the one read
 * has had nothing appended: its outbox goes in one write. Only documents that did change meanwhile (rare: a case
 * updated again while its last change was on its way out) take the slower path of pulling exactly the entries
 * sent. On the embedded store every write rewrites the whole document, so this halves what the relay writes.
 */
public class OutboxPublisher {

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final BatchCommit commit;
    private final ParkedEntries parked;

    public OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
            BatchCommit commit, ParkedEntries parked) {
        this.parked = parked;
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.commit = commit;
    }

    /**
     * Sends every entry, waits for every answer, and takes out of the outbox what Kafka took and what it refused for
     * good (parked, see {@link ParkedEntries}). A document with an entry that failed otherwise (the broker away)
     * keeps its outbox, and the round fails after the rest is done, to be tried again.
     *
     * @return how many entries went out
     */
    int publish(String collection, List<Document> documents) {
        List<Sending> sending = new ArrayList<>(documents.size());
        for (Document document : documents) {
            List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class, List.of());
            if (!entries.isEmpty()) {
                List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
                entries.forEach(raw -> sends.add(send(raw)));
                sending.add(new Sending(document, entries, sends));
            }
        }
        if (sending.isEmpty()) {
            return 0;
        }
        CompletableFuture.allOf(sending.stream().flatMap(document -> document.sends().stream())
                .toArray(CompletableFuture[]::new)).exceptionally(failed -> null).join();
        List<Sent> done = new ArrayList<>(sending.size());
        List<ParkedEntries.Refused> refused = new ArrayList<>();
        Throwable retry = null;
        int published = 0;
        for (Sending document : sending) {
            boolean again = false;
            List<ParkedEntries.Refused> refusedHere = new ArrayList<>();
            for (int i = 0; i < document.entries().size(); i++) {
                Throwable failure = failure(document.sends().get(i));
                if (failure == null) {
                    published++;
                }
                else if (ParkedEntries.refusedForGood(failure)) {
                    refusedHere.add(new ParkedEntries.Refused(collection, document.document().get("_id"),
                            document.entries().get(i), failure));
                }
                else {
                    again = true;
                    retry = retry == null ? failure : retry;
                }
            }
            if (!again) {
                refused.addAll(refusedHere);
                done.add(new Sent(document.document().get("_id"), document.document().get(OutboxEntry.SEQUENCE_FIELD),
                        document.entries().stream().map(entry -> entry.getString("eventId")).toList()));
            }
        }
        // parked before they leave the outbox, so that a crash in between only parks them again
        parked.park(refused);
        if (!done.isEmpty()) {
            removeSent(collection, done);
        }
        if (retry != null) {
            throw new KafkaException("Kafka did not take every entry; the rest went out: " + retry.getMessage(), retry);
        }
        return published;
    }

    private CompletableFuture<?> send(Document raw) {
        OutboxEntry entry;
        try {
            entry = mongo.getConverter().read(OutboxEntry.class, raw);
        }
        catch (RuntimeException unreadable) {
            return CompletableFuture.failedFuture(unreadable);
        }
        return send(kafka, entry, json);
    }

    /**
     * Sends an entry as a binary-mode CloudEvent on its topic, keyed as the entry says; a refusal at once (the record
     * cannot be built, the producer gave up waiting for the broker) comes back as a failed future, not thrown. Also
     * for what ingest publishes before it stores it, which so never has an outbox to leave.
     */
    public static CompletableFuture<?> send(KafkaTemplate<String, byte[]> kafka, OutboxEntry entry, JsonMapper json) {
        try {
            // data holds only what came in as JSON (strings, numbers, booleans, maps, lists): plain JSON again
            byte[] data = entry.data() == null ? null : json.writeValueAsBytes(entry.data());
            return kafka.send(CloudEventWriter.binaryRecord(entry.topic(), entry.key(), CloudEventWriter.event(
                    entry.source(), entry.eventId(), entry.type(), entry.time(), entry.subject(), entry.department(), data)));
        }
        catch (RuntimeException refusedAtOnce) {
            return CompletableFuture.failedFuture(refusedAtOnce);
        }
    }

    /** Why a completed send failed, or {@code null} when Kafka has it. */
    public static Throwable failure(CompletableFuture<?> send) {
        try {
            send.join();
            return null;
        }
        catch (CompletionException | CancellationException failed) {
            return failed.getCause() != null ? failed.getCause() : failed;
        }
    }

    private void removeSent(String collection, List<Sent> sent) {
        Document unsetOutbox = new Document("$unset", new Document(OutboxEntry.FIELD, "").append(OutboxEntry.SEQUENCE_FIELD, ""));
        List<UpdateOneModel<Document>> unchanged = sent.stream()
                .map(document -> new UpdateOneModel<Document>(new Document("_id", document.id())
                        .append(OutboxEntry.SEQUENCE_FIELD, document.sequence()), unsetOutbox))
                .toList();
        // lost in a crash, the entries are only sent again: no commit of their own where the store commits per write
        if (commit.forRepeatableWrites(collection).bulkWrite(unchanged, new BulkWriteOptions().ordered(false))
                .getMatchedCount() == sent.size()) {
            return;
        }
        // some were appended to meanwhile: take out what was sent, and the sequence where nothing is left
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Sent document : sent) {
            pulls.updateOne(Query.query(Criteria.where("_id").is(document.id()).and(OutboxEntry.SEQUENCE_FIELD).exists(true)),
                    new Update().pull(OutboxEntry.FIELD, Query.query(Criteria.where("eventId").in(document.eventIds()))));
        }
        pulls.execute();
        mongo.updateMulti(Query.query(Criteria.where("_id").in(sent.stream().map(Sent::id).toList())
                .and(OutboxEntry.FIELD).size(0)), new Update().unset(OutboxEntry.SEQUENCE_FIELD), collection);
    }

    private record Sent(Object id, Object sequence, List<String> eventIds) {
    }

    private record Sending(Document document, List<Document> entries, List<CompletableFuture<?>> sends) {
    }
}
