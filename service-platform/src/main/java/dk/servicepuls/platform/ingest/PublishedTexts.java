package dk.servicepuls.platform.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.platform.sealing.CaseRef;
import dk.servicepuls.platform.sealing.TextKey;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextSeal;
import org.bson.Document;

/**
 * Seals the free texts of what ingest publishes with the key of the event's case: the contract's free-text fields
 * ({@code note}, {@code comment}, {@code text}, {@code reason}) and every string in a field the contract does not
 * know. The stored event keeps its (masked) texts, for the timeline, until erasure or retention takes it. An event
 * without a case has no key an erasure could destroy, and is published as it is.
 */
class PublishedTexts {

    private final TextKeys keys;

    PublishedTexts(TextKeys keys) {
        this.keys = keys;
    }

    /** The events with their outbox sealed; one lookup of the batch's keys, whatever its size. */
    List<IngestedEvent> sealed(List<IngestedEvent> events) {
        // each entry is looked at once: those with text to seal, by the entry itself, with their case
        Map<OutboxEntry, CaseRef> withText = new IdentityHashMap<>();
        for (IngestedEvent event : events) {
            for (OutboxEntry entry : outbox(event)) {
                if (sealable(entry) && hasText(entry)) {
                    withText.put(entry, caseOf(entry));
                }
            }
        }
        if (withText.isEmpty()) {
            return events;
        }
        Map<CaseRef, TextKey> caseKeys = keys.keysFor(new LinkedHashSet<>(withText.values()));
        List<IngestedEvent> sealed = new ArrayList<>(events.size());
        for (IngestedEvent event : events) {
            List<OutboxEntry> entries = new ArrayList<>(outbox(event).size());
            for (OutboxEntry entry : outbox(event)) {
                CaseRef ref = withText.get(entry);
                entries.add(ref == null ? entry : new OutboxEntry(entry.eventId(), entry.topic(), entry.key(),
                        entry.source(), entry.type(), entry.time(), entry.subject(), entry.department(),
                        sealedData(entry, Objects.requireNonNull(caseKeys.get(ref), "keysFor gives every case a key"))));
            }
            sealed.add(new IngestedEvent(event.id(), event.type(), event.time(), event.subject(), event.department(),
                    event.data(), event.receivedAt(), entries));
        }
        return sealed;
    }

    private static List<OutboxEntry> outbox(IngestedEvent event) {
        return event.outbox() == null ? List.of() : event.outbox();
    }

    private static boolean sealable(OutboxEntry entry) {
        return entry.subject() != null && entry.department() != null && entry.data() != null
                && EventType.fromType(entry.type()).isPresent();
    }

    private static CaseRef caseOf(OutboxEntry entry) {
        return new CaseRef(entry.department(), entry.subject());
    }

    private static boolean hasText(OutboxEntry entry) {
        Set<String> known = ContractFields.of(EventType.fromType(entry.type()).orElseThrow());
        for (Map.Entry<String, Object> field : entry.data().entrySet()) {
            if (ContractFields.FREE_TEXT.contains(field.getKey()) ? field.getValue() instanceof String
                    : !known.contains(field.getKey()) && holdsText(field.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsText(Object value) {
        if (value instanceof String) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(PublishedTexts::holdsText);
        }
        return value instanceof List<?> list && list.stream().anyMatch(PublishedTexts::holdsText);
    }

    private static Document sealedData(OutboxEntry entry, TextKey key) {
        Set<String> known = ContractFields.of(EventType.fromType(entry.type()).orElseThrow());
        Document sealed = new Document();
        for (Map.Entry<String, Object> field : entry.data().entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (ContractFields.FREE_TEXT.contains(name)) {
                sealed.put(name, value instanceof String text ? TextSeal.seal(key, text) : value);
            }
            else {
                sealed.put(name, known.contains(name) ? value : sealAll(value, key));
            }
        }
        return sealed;
    }

    private static Object sealAll(Object value, TextKey key) {
        if (value instanceof String text) {
            return TextSeal.seal(key, text);
        }
        if (value instanceof Map<?, ?> map) {
            Document sealed = new Document();
            map.forEach((name, inner) -> sealed.put(String.valueOf(name), sealAll(inner, key)));
            return sealed;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(inner -> sealAll(inner, key)).toList();
        }
        return value;
    }
}
