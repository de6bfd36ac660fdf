package dk.servicepuls.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import dk.servicepuls.platform.cloudevents.CloudEventWriter;
import dk.servicepuls.platform.store.BatchCommit;
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

    public OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
            BatchCommit commit) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.commit = commit;
    }

    /** @return how many entries went out */
    int publish(String collection, List<Document> documents) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<Sent> sent = new ArrayList<>(documents.size());
        for (Document document : documents) {
            List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class, List.of());
            if (entries.isEmpty()) {
                continue;
            }
            List<String> eventIds = new ArrayList<>(entries.size());
            for (Document raw : entries) {
                OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, raw);
                // data holds only what came in as JSON (strings, numbers, booleans, maps, lists): plain JSON again
                byte[] data = entry.data() == null ? null : json.writeValueAsBytes(entry.data());
                sends.add(kafka.send(CloudEventWriter.binaryRecord(entry.topic(), entry.key(), CloudEventWriter.event(
                        entry.source(), entry.eventId(), entry.type(), entry.time(), entry.subject(), entry.department(), data))));
                eventIds.add(entry.eventId());
            }
            sent.add(new Sent(document.get("_id"), document.get(OutboxEntry.SEQUENCE_FIELD), eventIds));
        }
        if (sent.isEmpty()) {
            return 0;
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        removeSent(collection, sent);
        return sends.size();
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
}
