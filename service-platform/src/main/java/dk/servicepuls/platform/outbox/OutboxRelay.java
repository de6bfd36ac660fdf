package dk.servicepuls.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dk.servicepuls.platform.cloudevents.CloudEventWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes pending outbox entries in the order they were written and removes each from its document once Kafka
 * has acknowledged it. A crash between the two publishes the entry again on the next round: consumers are
 * idempotent on (source, id), so at-least-once is enough.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final JsonMapper json;
    private final Semaphore nudges = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            JsonMapper json, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
        this.published = Counter.builder("servicepuls.outbox.published").description("Events the outbox relay put on Kafka")
                .register(meters);
        this.failures = Counter.builder("servicepuls.outbox.failures").description("Relay rounds that failed and will be retried")
                .register(meters);
    }

    /** Asks the relay to look now instead of at the next poll; called after a write that added entries. */
    public void nudge() {
        nudges.release();
    }

    /** Publishes everything pending; returns how many entries went out. Public for tests and shutdown. */
    public int drain() {
        int total = 0;
        for (String collection : properties.collections()) {
            int sent;
            do {
                sent = relayRound(collection);
                total += sent;
            }
            while (sent > 0);
        }
        return total;
    }

    private int relayRound(String collection) {
        // outboxSeq exists only while entries wait, so the sparse index holds just the pending documents
        Query pending = new Query(Criteria.where(OutboxEntry.SEQUENCE_FIELD).exists(true))
                .with(Sort.by(OutboxEntry.SEQUENCE_FIELD))
                .limit(properties.batchSize());
        pending.fields().include(OutboxEntry.FIELD);
        List<Document> documents = mongo.find(pending, Document.class, collection);
        if (documents.isEmpty()) {
            return 0;
        }
        Map<Object, List<String>> sentPerDocument = new LinkedHashMap<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Document document : documents) {
            List<String> ids = new ArrayList<>();
            for (Document raw : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, raw);
                // data holds only what came in as JSON (strings, numbers, booleans, maps, lists): plain JSON again
                byte[] data = entry.data() == null ? null : json.writeValueAsBytes(entry.data());
                sends.add(kafka.send(CloudEventWriter.binaryRecord(entry.topic(), entry.key(), CloudEventWriter.event(
                        entry.source(), entry.eventId(), entry.type(), entry.time(), entry.subject(), entry.department(), data))));
                ids.add(entry.eventId());
            }
            sentPerDocument.put(document.get("_id"), ids);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        int count = 0;
        for (Map.Entry<Object, List<String>> sent : sentPerDocument.entrySet()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(sent.getKey())),
                    new Update().pull(OutboxEntry.FIELD, Query.query(Criteria.where("eventId").in(sent.getValue()))),
                    collection);
            // a writer that appended an entry meanwhile keeps the document pending: the filter then does not match
            mongo.updateFirst(Query.query(Criteria.where("_id").is(sent.getKey()).and(OutboxEntry.FIELD).size(0)),
                    new Update().unset(OutboxEntry.SEQUENCE_FIELD), collection);
            count += sent.getValue().size();
        }
        published.increment(count);
        return count;
    }

    private void run() {
        Duration poll = properties.pollInterval();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                drain();
                nudges.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
            }
            catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed, retrying in {}: {}", poll, e.getMessage());
                backOff(poll);
            }
        }
    }

    private void backOff(Duration poll) {
        try {
            // a nudge must not cut the pause short while Kafka or the store is down
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void createIndexes() {
        for (String collection : properties.collections()) {
            mongo.indexOps(collection).createIndex(new Index().on(OutboxEntry.SEQUENCE_FIELD, Sort.Direction.ASC).sparse()
                    .named("outbox_pending"));
        }
    }

    @Override
    public void start() {
        createIndexes();
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return !properties.collections().isEmpty();
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        // stop after the web server and the listeners, so that the last accepted events still go out
        return Integer.MAX_VALUE - 2048;
    }
}
