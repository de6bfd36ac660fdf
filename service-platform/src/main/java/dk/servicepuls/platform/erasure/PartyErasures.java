package dk.servicepuls.platform.erasure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.contracts.events.PartyErasureRequested;
import dk.servicepuls.platform.kafka.CloudEventMessages;
import dk.servicepuls.platform.outbox.Outbox;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.store.InsertOnce;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out erasure requests in one service: every {@link PartyDataEraser} of the service erases its part, and
 * then one insert records the erasure together with its confirmation ({@code party.erased.v1}) in the record's
 * outbox, inserted once: a crash before the record erases again when the request comes again (every eraser is
 * idempotent), and the confirmation goes out once whatever happens.
 * The record holds the request's identity, the department, when, and how many documents of each kind were erased:
 * nothing of the party.
 */
public class PartyErasures {

    public static final String COLLECTION = "erasures";

    private static final Logger log = LoggerFactory.getLogger(PartyErasures.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final List<PartyDataEraser> erasers;
    private final JsonMapper json;
    private final String service;
    private final Clock clock;
    private final Counter carriedOut;
    private final Counter dropped;
    private final ErasedCases erasedCases;
    /** Batches being handled hold it shared; an erasure holds it alone (within this instance). */
    private final ReentrantReadWriteLock batches = new ReentrantReadWriteLock();

    public PartyErasures(MongoTemplate mongo, OutboxRelay relay, List<PartyDataEraser> erasers, JsonMapper json,
            String service, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.erasers = List.copyOf(erasers);
        this.json = json;
        this.service = service;
        this.clock = clock;
        this.carriedOut = Counter.builder("servicepuls.erasures").description("Erasure requests carried out")
                .register(meters);
        this.dropped = Counter.builder("servicepuls.erasures.dropped")
                .description("Events of erased cases that came after the erasure and were not taken in").register(meters);
        this.erasedCases = new ErasedCases(mongo);
    }

    /** Whether this service has carried out the request already. */
    public boolean carriedOut(String source, String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(source, id))), COLLECTION);
    }

    /**
     * Erases what the service holds of the request's party and cases, and confirms it once. A request that comes again
     * (a redelivered batch, a replay) erases again, since what came with it may have brought the party's data back,
     * but is confirmed no more.
     */
    public void erase(ErasureRequest request) {
        // no batch of another consumer thread is half-way while the cases are erased, and those after it skip them
        batches.writeLock().lock();
        try {
            eraseNow(request);
        }
        finally {
            batches.writeLock().unlock();
        }
    }

    private void eraseNow(ErasureRequest request) {
        erasedCases.remember(request.department(), request.cases(), clock.instant());
        Map<String, Long> erased = new TreeMap<>();
        for (PartyDataEraser eraser : erasers) {
            eraser.erase(request).forEach((kind, count) -> {
                if (count > 0) {
                    erased.merge(kind, count, Long::sum);
                }
            });
        }
        Instant now = clock.instant();
        Document key = key(request.source(), request.id());
        Document record = new Document("_id", key).append("department", request.department())
                .append("requestedAt", request.time()).append("erasedAt", now).append("erased", new Document(erased));
        Document data = new Document("requestSource", request.source()).append("requestId", request.id())
                .append("service", service).append("erased", new Document(erased));
        OutboxEntry confirmation = new OutboxEntry(eventId(request), Topics.PRIVACY_ERASURES, request.id(),
                "/servicepuls/" + service, EventType.PARTY_ERASED.type(), now, null, request.department(), data);
        InsertOnce.Result result = InsertOnce.insert(mongo.getCollection(COLLECTION),
                List.of(Outbox.withEntry(record, confirmation, mongo.getConverter())));
        if (result.failure() != null) {
            throw result.failure();
        }
        if (!result.stored().isEmpty()) {
            relay.enqueue(COLLECTION, key);
            carriedOut.increment();
            // the request's identity and counts only: the party's reference and cases are what was erased
            log.info("Erasure request source={} id={} carried out for department {}: {}", request.source(),
                    request.id(), request.department(), erased);
        }
    }

    /**
     * Hands a batch of published events to {@code handle}, without those of cases an erasure took (they came after
     * it: the case stays erased), and then carries out the erasure requests in it, so that what the batch brought of
     * an erased party is erased too. When {@code handle} fails partway, the requests before the failed record are
     * carried out first, since the binder commits up to that record and would not bring them again; the failure
     * names the record by its place in the whole batch.
     */
    public void after(List<CloudEvent> events, Consumer<List<CloudEvent>> handle) {
        BatchListenerFailedException failure = null;
        int handledUpTo = events.size();
        batches.readLock().lock();
        try {
            List<Integer> kept = notOfErasedCases(events);
            List<CloudEvent> handed = kept.size() == events.size() ? events : kept.stream().map(events::get).toList();
            try {
                handle.accept(handed);
            }
            catch (BatchListenerFailedException failed) {
                handledUpTo = failed.getIndex() < 0 || failed.getIndex() >= kept.size() ? events.size()
                        : kept.get(failed.getIndex());
                failure = handledUpTo == failed.getIndex() ? failed
                        : new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed.getCause(),
                                handledUpTo);
            }
        }
        finally {
            batches.readLock().unlock();
        }
        eraseRequestsIn(events.subList(0, handledUpTo));
        if (failure != null) {
            throw failure;
        }
    }

    /** The places in the batch of the events that are of no erased case. */
    private List<Integer> notOfErasedCases(List<CloudEvent> events) {
        List<String> keys = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            String department = CloudEventMessages.department(event);
            keys.add(department == null || event.getSubject() == null ? null : ErasedCases.key(department, event.getSubject()));
        }
        Set<String> erased = erasedCases.erasedAmong(keys.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        List<Integer> kept = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (keys.get(i) == null || !erased.contains(keys.get(i))) {
                kept.add(i);
            }
        }
        if (kept.size() < events.size()) {
            dropped.increment(events.size() - kept.size());
            log.debug("{} events of erased cases not taken in", events.size() - kept.size());
        }
        return kept;
    }

    private void eraseRequestsIn(List<CloudEvent> events) {
        for (CloudEvent event : events) {
            request(event).ifPresent(this::erase);
        }
    }

    /** The erasure request an event is, if it is one. */
    public Optional<ErasureRequest> request(CloudEvent event) {
        if (!EventType.PARTY_ERASURE_REQUESTED.type().equals(event.getType()) || event.getData() == null) {
            return Optional.empty();
        }
        String department = CloudEventMessages.department(event);
        if (department == null) {
            return Optional.empty();
        }
        PartyErasureRequested data = json.readValue(event.getData().toBytes(), PartyErasureRequested.class);
        OffsetDateTime time = event.getTime();
        return Optional.of(ErasureRequest.of(event.getSource().toString(), event.getId(), department,
                time == null ? null : time.toInstant(), data));
    }

    /** Event ids that a repeat of the same service and request reproduces. */
    private String eventId(ErasureRequest request) {
        String name = service + '\u0000' + request.source() + '\u0000' + request.id();
        return "party-erased-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Document key(String source, String id) {
        return new Document("source", source).append("id", id);
    }
}
