package dk.servicepuls.platform.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.EventRef;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.platform.outbox.OutboxSequence;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes an event read off HTTP or Kafka through the contract's rules: envelope, limits, schema, pseudonymisation,
 * and then one idempotent write that stores the normalised event together with its outbox entry.
 */
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final EnvelopeRules envelope;
    private final EventLimits limits;
    private final IdentifierRules identifiers;
    private final EventSchemas schemas;
    private final EventDataNormaliser normaliser;
    private final IngestedEvents store;
    private final OutboxRelay relay;
    private final IngestProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final FreeTextMasker masker;
    private final Clock clock;

    IngestService(EnvelopeRules envelope, EventLimits limits, IdentifierRules identifiers, EventSchemas schemas,
            EventDataNormaliser normaliser, IngestedEvents store, OutboxRelay relay, IngestProperties properties,
            JsonMapper json, MeterRegistry meters, FreeTextMasker masker, Clock clock) {
        this.envelope = envelope;
        this.limits = limits;
        this.identifiers = identifiers;
        this.schemas = schemas;
        this.normaliser = normaliser;
        this.store = store;
        this.relay = relay;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.masker = masker;
        this.clock = clock;
    }

    public static Set<EventType> acceptedOn(String topic) {
        return EventType.ingestedOn(topic);
    }

    /**
     * Checks every event, then stores all accepted ones in one bulk write and hands them to the relay: one round trip
     * to the store for the batch, whatever its size. Each event gets its own answer; a repeat is answered as accepted
     * and publishes nothing new. When the store cannot take the write, this throws and nothing is acknowledged.
     */
    public List<IngestOutcome> ingestAll(List<ReadResult> events, String channel) {
        List<IngestOutcome> outcomes = new ArrayList<>(events.size());
        List<IngestedEvent> accepted = new ArrayList<>(events.size());
        for (ReadResult read : events) {
            Checked checked = read instanceof ReadResult.Readable readable ? check(readable.event())
                    : refused(read.ref(), ((ReadResult.Unreadable) read).violations());
            outcomes.add(checked.outcome());
            if (checked.stored() != null) {
                accepted.add(checked.stored());
            }
        }
        if (!accepted.isEmpty()) {
            IngestedEvents.Insert insert = store.insertNew(accepted);
            // handed over even when the rest failed: the caller's retry finds repeats, which must be on their way out
            relay.enqueueAll(properties.collection(), insert.stored());
            if (insert.failure() != null) {
                throw insert.failure();
            }
        }
        outcomes.forEach(outcome -> count(outcome, channel));
        return outcomes;
    }

    public IngestOutcome ingest(ReadResult read, String channel) {
        return ingestAll(List.of(read), channel).get(0);
    }

    private void count(IngestOutcome outcome, String channel) {
        String type = outcome.event().type() != null && EventType.fromType(outcome.event().type()).isPresent()
                ? outcome.event().type() : "unknown";
        meters.counter("servicepuls.ingest.events", "channel", channel, "type", type,
                "outcome", outcome.accepted() ? "accepted" : "rejected").increment();
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

    /** An event's answer, and what to store when it is accepted. */
    private record Checked(IngestOutcome outcome, IngestedEvent stored) {
    }

    /**
     * A refusal, its event named with personal data masked: an identifier may be refused for holding a CPR number,
     * and the answer, the log and {@code ingest.rejected} all repeat the name.
     */
    private Checked refused(EventRef ref, List<Violation> violations) {
        EventRef masked = new EventRef(masker.mask(ref.source()), masker.mask(ref.id()), masker.mask(ref.type()));
        return new Checked(IngestOutcome.rejected(masked, violations), null);
    }

    private Checked check(CloudEvent event) {
        EventRef ref = new EventRef(event.getSource().toString(), event.getId(), event.getType());
        List<Violation> violations = new ArrayList<>(envelope.check(event));
        violations.addAll(limits.check(event));
        violations.addAll(identifiers.check(event));
        if (!violations.isEmpty()) {
            return refused(ref, violations);
        }
        ObjectNode data = data(event, violations);
        if (!violations.isEmpty()) {
            return refused(ref, violations);
        }
        EventType type = EventType.fromType(event.getType()).orElseThrow();
        violations.addAll(limits.check(type, data));
        if (!violations.isEmpty()) {
            return refused(ref, violations);
        }
        schemas.validate(type, data).forEach(v -> violations.add(Violation.field(v.field(), v.reason())));
        violations.addAll(identifiers.check(type, data));
        if (!violations.isEmpty()) {
            return refused(ref, violations);
        }
        String department = event.getExtension(CloudEventAttributes.DEPARTMENT).toString();
        Document normalised;
        List<String> dropped;
        try {
            EventDataNormaliser.Normalised kept = normaliser.normalise(type, department, data);
            normalised = Document.parse(json.writeValueAsString(kept.data()));
            dropped = kept.dropped();
        }
        catch (RuntimeException e) {
            // the limits above should leave nothing that cannot be stored; if something slips through, this event
            // is refused and the rest of its batch goes on, rather than the request failing
            log.warn("Event source={} id={} passed the limits but could not be normalised: {}", ref.source(), ref.id(),
                    e.getClass().getName());
            return refused(ref, List.of(Violation.field("data", "The data could not be stored as given")));
        }
        String key = event.getSubject() != null ? event.getSubject() : event.getId();
        OutboxEntry entry = new OutboxEntry(event.getId(), properties.publishTo(), key, ref.source(), ref.type(),
                event.getTime().toInstant(), event.getSubject(), department, normalised);
        IngestedEvent stored = new IngestedEvent(new IngestedEvent.Key(ref.source(), ref.id()), ref.type(),
                event.getTime().toInstant(), event.getSubject(), department, normalised, clock.instant(),
                OutboxSequence.next(), List.of(entry));
        return new Checked(IngestOutcome.accepted(ref, dropped), stored);
    }

    private ObjectNode data(CloudEvent event, List<Violation> violations) {
        String text = EnvelopeRules.dataAsText(event);
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (node.isObject()) {
                return (ObjectNode) node;
            }
            violations.add(Violation.field("data", "Data must be a JSON object"));
        }
        catch (JacksonException notJson) {
            violations.add(Violation.field("data", "Data is not valid JSON"));
        }
        return null;
    }
}
