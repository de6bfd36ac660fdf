package dk.servicepuls.platform.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.EventRef;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.store.JsonDocuments;
import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event through the contract's rules, in order: envelope, limits, identifiers, the data as JSON, its limits,
 * its schema, then the normalised data as the store will hold it. Gives every event an answer and never throws:
 * whatever a sender puts in, the worst is a refusal of that event.
 */
final class EventChecks {

    private static final Logger log = LoggerFactory.getLogger(EventChecks.class);

    private final EnvelopeRules envelope;
    private final EventLimits limits;
    private final IdentifierRules identifiers;
    private final EventSchemas schemas;
    private final EventDataNormaliser normaliser;
    private final IngestProperties properties;
    private final JsonMapper json;
    private final FreeTextMasker masker;
    private final Clock clock;

    EventChecks(EnvelopeRules envelope, EventLimits limits, IdentifierRules identifiers, EventSchemas schemas,
            EventDataNormaliser normaliser, IngestProperties properties, JsonMapper json, FreeTextMasker masker, Clock clock) {
        this.envelope = envelope;
        this.limits = limits;
        this.identifiers = identifiers;
        this.schemas = schemas;
        this.normaliser = normaliser;
        this.properties = properties;
        this.json = json;
        this.masker = masker;
        this.clock = clock;
    }

    Checked check(ReadResult read) {
        return checkAll(List.of(read)).get(0);
    }

    /**
     * Checks a batch: every event through the rules up to its schema, then the parties of those that passed are
     * looked up at once ({@link EventDataNormaliser#prepare}), then each is normalised: one look in the store for the
     * batch's party references instead of one per party.
     */
    List<Checked> checkAll(List<ReadResult> reads) {
        List<Object> validated = new ArrayList<>(reads.size());
        List<EventDataNormaliser.Party> parties = new ArrayList<>();
        for (ReadResult read : reads) {
            Object outcome = read instanceof ReadResult.Readable readable ? validate(readable.event())
                    : refused(read.ref(), ((ReadResult.Unreadable) read).violations());
            if (outcome instanceof Valid valid) {
                EventDataNormaliser.Party.of(valid.department(), valid.data()).ifPresent(parties::add);
            }
            validated.add(outcome);
        }
        normaliser.prepare(parties);
        List<Checked> checked = new ArrayList<>(reads.size());
        for (Object outcome : validated) {
            checked.add(outcome instanceof Valid valid ? normalised(valid) : (Checked) outcome);
        }
        return checked;
    }

    /** An event that passed every rule up to its schema, with its data read. */
    private record Valid(CloudEvent event, EventRef ref, EventType type, String department, ObjectNode data) {
    }

    /** An event's answer, and what to store when it is accepted. */
    record Checked(IngestOutcome outcome, IngestedEvent stored) {
    }

    /**
     * A refusal, its event named with personal data masked: an identifier may be refused for holding a CPR number,
     * and the answer, the log and {@code ingest.rejected} all repeat the name.
     */
    private Checked refused(EventRef ref, List<Violation> violations) {
        EventRef masked = new EventRef(masker.mask(ref.source()), masker.mask(ref.id()), masker.mask(ref.type()));
        return new Checked(IngestOutcome.rejected(masked, violations), null);
    }

    /** @return a {@link Valid} event, or the {@link Checked} refusal */
    private Object validate(CloudEvent event) {
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
        schemas.validate(type, data).forEach(v -> violations.add(Violation.field(maskedNames(v.field()), v.reason())));
        violations.addAll(identifiers.check(type, data));
        violations.addAll(envelope.checkDepartments(type, data));
        if (!violations.isEmpty()) {
            return refused(ref, violations);
        }
        return new Valid(event, ref, type, event.getExtension(CloudEventAttributes.DEPARTMENT).toString(), data);
    }

    private Checked normalised(Valid valid) {
        CloudEvent event = valid.event();
        EventRef ref = valid.ref();
        String department = valid.department();
        Document normalised;
        List<String> dropped;
        try {
            EventDataNormaliser.Normalised kept = normaliser.normalise(valid.type(), department, valid.data());
            normalised = JsonDocuments.of(json, kept.data());
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
                event.getTime().toInstant(), event.getSubject(), department, normalised, clock.instant(), List.of(entry));
        return new Checked(IngestOutcome.accepted(ref, dropped), stored);
    }

    /**
     * A schema violation's dotted path with each field name masked, as every other pointer is: a name can be a CPR
     * number, and a number out of range is named wherever it is, in a field the contract does not know too.
     */
    private String maskedNames(String field) {
        return Arrays.stream(field.split("\\.", -1)).map(masker::mask).collect(Collectors.joining("."));
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
