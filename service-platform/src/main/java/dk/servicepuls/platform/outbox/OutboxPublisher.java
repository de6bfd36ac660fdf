package dk.servicepuls.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dk.servicepuls.platform.cloudevents.CloudEventWriter;
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
 */
public class OutboxPublisher {

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    public OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
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
            sent.add(new Sent(document.get("_id"), eventIds));
        }
        if (sent.isEmpty()) {
            return 0;
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        removeSent(collection, sent);
        return sends.size();
    }

    private void removeSent(String collection, List<Sent> sent) {
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Sent document : sent) {
            pulls.updateOne(Query.query(Criteria.where("_id").is(document.id())),
                    new Update().pull(OutboxEntry.FIELD, Query.query(Criteria.where("eventId").in(document.eventIds()))));
        }
        pulls.execute();
        // a writer that appended an entry meanwhile keeps its document pending: the size filter then does not match
        mongo.updateMulti(Query.query(Criteria.where("_id").in(sent.stream().map(Sent::id).toList())
                .and(OutboxEntry.FIELD).size(0)), new Update().unset(OutboxEntry.SEQUENCE_FIELD), collection);
    }

    private record Sent(Object id, List<String> eventIds) {
    }
}
