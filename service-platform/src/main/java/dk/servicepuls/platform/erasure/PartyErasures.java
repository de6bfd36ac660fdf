package dk.servicepuls.platform.erasure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

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
     * Hands a batch of published events to {@code handle} and then carries out the erasure requests in it, so that
     * what the batch brought of an erased party is erased too. When {@code handle} fails partway, the requests before
     * the failed record are carried out first: the binder commits up to that record and would not bring them again.
     */
    public void after(List<CloudEvent> events, Consumer<List<CloudEvent>> handle) {
        try {
            handle.accept(events);
        }
        catch (BatchListenerFailedException failed) {
            eraseRequestsIn(events.subList(0, Math.max(0, Math.min(failed.getIndex(), events.size()))));
            throw failed;
        }
        eraseRequestsIn(events);
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
