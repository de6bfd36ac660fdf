package dk.servicepuls.platform.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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

/**
 * Publishes pending outbox entries in the order they were written and removes each from its document once Kafka
 * has acknowledged it. A crash between the two publishes the entry again later: consumers are idempotent on
 * (source, id), so at-least-once is enough.
 * <p>
 * Writers tell the relay which documents they gave entries ({@link #enqueue}), so a round reads those documents by
 * key and never searches the store: its cost does not grow with what the store holds. Documents nobody told it
 * about, those of an instance that stopped in between, are found by a sweep at start and every
 * {@link OutboxProperties#sweepInterval()} through the sparse index that holds only pending documents.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** A document that was given outbox entries. */
    private record Written(String collection, Object id) {
    }

    /** Far enough ahead to never come, near enough that adding it to {@link System#nanoTime()} cannot overflow. */
    private static final long NEVER = Long.MAX_VALUE / 4;

    private final MongoTemplate mongo;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final BlockingQueue<Written> queue;
    /** Taken from the queue but not yet published: tried again, first, after a failed round. */
    private final Deque<Written> retry = new ArrayDeque<>();
    private final ReentrantLock rounds = new ReentrantLock();
    private final Counter published;
    private final Counter failures;
    private final Counter publishingRounds;
    private volatile Thread worker;
    private volatile long nextSweep;

    public OutboxRelay(MongoTemplate mongo, OutboxPublisher publisher, OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
        this.published = Counter.builder("servicepuls.outbox.published").description("Events the outbox relay put on Kafka")
                .register(meters);
        this.publishingRounds = Counter.builder("servicepuls.outbox.rounds")
                .description("Relay rounds that published something: published / rounds is the documents' batch size")
                .register(meters);
        this.failures = Counter.builder("servicepuls.outbox.failures").description("Relay rounds that failed and will be retried")
                .register(meters);
        Gauge.builder("servicepuls.outbox.queued", queue, Collection::size)
                .description("Written documents waiting for the relay").register(meters);
    }

    /**
     * Tells the relay that a write gave this document outbox entries. Waits while the relay is a full queue behind,
     * so that a writer faster than Kafka slows down rather than fills the heap.
     */
    public void enqueue(String collection, Object documentId) {
        try {
            queue.put(new Written(collection, documentId));
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            // the entries are in the store; the next sweep publishes them
        }
    }

    public void enqueueAll(String collection, Collection<?> documentIds) {
        for (Object id : documentIds) {
            enqueue(collection, id);
        }
    }

    /** Publishes everything written so far, queued or not; returns how many entries went out. For tests and shutdown. */
    public int drain() {
        rounds.lock();
        try {
            int total = 0;
            int sent;
            do {
                sent = relayQueued();
                total += sent;
            }
            while (sent > 0 || !retry.isEmpty() || !queue.isEmpty());
            return total + sweep();
        }
        finally {
            rounds.unlock();
        }
    }

    /** One round over what writers reported; returns how many entries went out. */
    private int relayQueued() {
        // a round takes what waits, up to a batch: also when the loop's poll or a failed round left some behind, or
        // every round would carry that one document alone
        if (retry.size() < properties.batchSize()) {
            queue.drainTo(retry, properties.batchSize() - retry.size());
        }
        if (retry.isEmpty()) {
            return 0;
        }
        List<Written> round = new ArrayList<>(retry);
        Map<String, List<Object>> perCollection = new LinkedHashMap<>();
        for (Written written : round) {
            perCollection.computeIfAbsent(written.collection(), c -> new ArrayList<>()).add(written.id());
        }
        int sent = 0;
        for (Map.Entry<String, List<Object>> collection : perCollection.entrySet()) {
            sent += relay(collection.getKey(), collection.getValue());
        }
        retry.clear();
        publishingRounds.increment();
        return sent;
    }

    /** Looks for pending documents through the sparse index, oldest first, and publishes them; returns the entries sent. */
    private int sweep() {
        // zero: at start (and in a drain) only, for a single instance that no other instance's leftovers can reach
        nextSweep = System.nanoTime() + (properties.sweepInterval().isZero() ? NEVER : properties.sweepInterval().toNanos());
        int total = 0;
        for (String collection : properties.collections()) {
            int sent;
            do {
                Query pending = new Query(Criteria.where(OutboxEntry.SEQUENCE_FIELD).exists(true))
                        .with(Sort.by(OutboxEntry.SEQUENCE_FIELD)).limit(properties.batchSize());
                pending.fields().include("_id");
                List<Object> ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
                sent = ids.isEmpty() ? 0 : relay(collection, ids);
                total += sent;
            }
            while (sent > 0);
        }
        return total;
    }

    /**
     * Reads the documents by key, publishes their entries in one burst in the order they were written, and then takes
     * exactly those entries out again.
     */
    private int relay(String collection, List<Object> ids) {
        Query byKey = Query.query(Criteria.where("_id").in(ids));
        byKey.fields().include(OutboxEntry.FIELD).include(OutboxEntry.SEQUENCE_FIELD);
        Map<Object, Document> found = new LinkedHashMap<>();
        for (Document document : mongo.find(byKey, Document.class, collection)) {
            found.put(document.get("_id"), document);
        }
        // $in answers in the store's order; the relay keeps the writers' order, which is each case's order
        List<Document> inWriteOrder = new ArrayList<>(found.size());
        for (Object id : ids) {
            Document document = found.remove(id);
            if (document != null) {
                inWriteOrder.add(document);
            }
        }
        int sent = publisher.publish(collection, inWriteOrder);
        published.increment(sent);
        return sent;
    }

    private void run() {
        try {
            sweepNow();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Written next = retry.isEmpty() ? queue.poll(untilNextSweep(), TimeUnit.NANOSECONDS) : null;
                    if (next != null) {
                        retry.add(next);
                    }
                    rounds.lock();
                    try {
                        // stop() interrupts only between rounds; a round once begun runs to its end
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        relayQueued();
                        if (System.nanoTime() >= nextSweep) {
                            sweep();
                        }
                    }
                    finally {
                        rounds.unlock();
                    }
                }
                catch (RuntimeException e) {
                    failures.increment();
                    log.warn("Outbox relay round failed, retrying in {}: {}", properties.retryInterval(), e.getMessage());
                    TimeUnit.NANOSECONDS.sleep(properties.retryInterval().toNanos());
                }
            }
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void sweepNow() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            rounds.lock();
            try {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                sweep();
                return;
            }
            catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox sweep at start failed, retrying in {}: {}", properties.retryInterval(), e.getMessage());
            }
            finally {
                rounds.unlock();
            }
            TimeUnit.NANOSECONDS.sleep(properties.retryInterval().toNanos());
        }
    }

    private long untilNextSweep() {
        return Math.max(0, nextSweep - System.nanoTime());
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
            // an interrupt inside a round could fail the write that takes sent entries out after Kafka had them, and
            // the drain below would send them again: wait for the round to end, then interrupt
            rounds.lock();
            try {
                running.interrupt();
            }
            finally {
                rounds.unlock();
            }
            try {
                running.join(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            drain();
        }
        catch (RuntimeException e) {
            // nothing is lost: the entries stay in the store, and the next start's sweep publishes them
            log.info("Outbox entries left for the next start: {}", e.getMessage());
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

    /**
     * Below the web server's (MAX - 2048) and Spring Cloud Stream's input bindings (MAX - 3000): started before them,
     * so the sweep at start runs before new work arrives, and stopped after them, so that the drain publishes the
     * last events they accepted rather than chasing a consumer still running.
     */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    @Override
    public int getPhase() {
        return PHASE;
    }
}
