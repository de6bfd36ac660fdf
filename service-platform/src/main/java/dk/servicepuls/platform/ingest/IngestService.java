package dk.servicepuls.platform.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.sealing.TextKeysUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events read off HTTP or Kafka through the contract's rules ({@link EventChecks}), puts the accepted ones that
 * are not repeats on their topic ({@link IngestPublisher}) and then stores them in one idempotent write: Kafka-first,
 * so that a stored event is always a published one. Why: {@code docs/decisions/0001-event-path-at-constant-cost.md}.
 */
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final EventChecks checks;
    private final IngestedEvents store;
    private final IngestPublisher publisher;
    private final MeterRegistry meters;
    private final ErasureAtTheDoor erasures;
    private final PublishedTexts texts;

    IngestService(EventChecks checks, IngestedEvents store, IngestPublisher publisher, MeterRegistry meters,
            ErasureAtTheDoor erasures, PublishedTexts texts) {
        this.checks = checks;
        this.store = store;
        this.publisher = publisher;
        this.meters = meters;
        this.erasures = erasures;
        this.texts = texts;
    }

    public static Set<EventType> acceptedOn(String topic) {
        return EventType.ingestedOn(topic);
    }

    /**
     * Checks every event, then publishes the accepted ones that are not stored yet in one burst and stores them in one
     * bulk write: two round trips to the store (a key lookup and a write) and one wait for Kafka per batch, whatever
     * its size. Each event gets its own answer; a repeat is answered as accepted and publishes nothing new. A valid
     * event that the sender may not publish is refused as forbidden. When Kafka does not take an event
     * ({@link EventsNotPublishedException}) or the store cannot take the write, this throws and nothing is
     * acknowledged; what Kafka did take is stored all the same, so that a retry finds it a repeat.
     */
    public List<IngestOutcome> ingestAll(List<ReadResult> events, String channel, PublishRights rights) {
        List<IngestOutcome> outcomes = new ArrayList<>(events.size());
        List<IngestedEvent> accepted = new ArrayList<>(events.size());
        for (EventChecks.Checked checked : checks.checkAll(events)) {
            IngestedEvent stored = checked.stored();
            Optional<Violation> refusal = stored == null ? Optional.empty() : rights.refusal(stored);
            if (refusal.isPresent()) {
                outcomes.add(IngestOutcome.forbidden(checked.outcome().event(), refusal.get()));
                continue;
            }
            Optional<Violation> invalid = stored == null ? Optional.empty() : ErasureAtTheDoor.refusal(stored);
            if (invalid.isPresent()) {
                outcomes.add(IngestOutcome.rejected(checked.outcome().event(), List.of(invalid.get())));
                continue;
            }
            outcomes.add(checked.outcome());
            if (stored != null) {
                accepted.add(stored);
            }
        }
        List<IngestedEvent> segment = new ArrayList<>(accepted.size());
        for (IngestedEvent event : accepted) {
            if (ErasureAtTheDoor.asks(event)) {
                // what came before the request is stored first, so that the erasure takes it too
                IngestedEvent request = erasures.withCases(event);
                segment.add(request);
                store(segment);
                segment.clear();
                erasures.carryOut(request);
            }
            else {
                segment.add(event);
            }
        }
        store(segment);
        outcomes.forEach(outcome -> count(outcome, channel));
        return outcomes;
    }

    private void store(List<IngestedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<IngestedEvent.Key, IngestedEvent> fresh = new LinkedHashMap<>();
        for (IngestedEvent event : events) {
            fresh.putIfAbsent(event.id(), event); // the same event twice in a batch is a repeat of the first
        }
        fresh.keySet().removeAll(store.stored(fresh.keySet()));
        if (fresh.isEmpty()) {
            return;
        }
        List<IngestedEvent> toPublish;
        try {
            toPublish = texts.sealed(List.copyOf(fresh.values()));
        }
        catch (TextKeysUnavailableException keysAway) {
            // without its case's key on Kafka no text may go out sealed with it: nothing is acknowledged
            throw new EventsNotPublishedException(fresh.size(), fresh.size(), keysAway);
        }
        IngestPublisher.Publication publication = publisher.publish(toPublish);
        store.insertNew(publication.published());
        if (publication.failure() != null) {
            throw publication.failure();
        }
    }

    public IngestOutcome ingest(ReadResult read, String channel, PublishRights rights) {
        return ingestAll(List.of(read), channel, rights).get(0);
    }

    private void count(IngestOutcome outcome, String channel) {
        String type = outcome.event().type() != null && EventType.fromType(outcome.event().type()).isPresent()
                ? outcome.event().type() : "unknown";
        meters.counter("servicepuls.ingest.events", "channel", channel, "type", type,
                "outcome", outcome.accepted() ? "accepted" : outcome.forbidden() ? "forbidden" : "rejected").increment();
        if (!outcome.accepted()) {
            // source, id (masked when refused) and pointers only: values may be personal data
            log.info("Rejected event source={} id={} type={} on {}: {}", outcome.event().source(), outcome.event().id(),
                    outcome.event().type(), channel, outcome.violations().stream().map(Violation::pointer).toList());
        }
        else if (!outcome.dropped().isEmpty()) {
            meters.counter("servicepuls.ingest.fields.dropped", "channel", channel, "type", type)
                    .increment(outcome.dropped().size());
            log.info("Accepted event source={} id={} type={} on {} without fields that name personal data: {}",
                    outcome.event().source(), outcome.event().id(), type, channel, outcome.dropped());
        }
    }
}
