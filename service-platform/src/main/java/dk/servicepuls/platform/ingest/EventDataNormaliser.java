package dk.servicepuls.platform.ingest;

import java.util.Set;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns validated event data into what the platform keeps and publishes: the party's identifier becomes a keyed
 * reference, name and phone are dropped, and every piece of free text (the contract's note, comment, text and
 * reason fields, and any field the contract does not know) is masked.
 */
final class EventDataNormaliser {

    private static final Set<String> FREE_TEXT = Set.of("note", "comment", "text", "reason");
    private static final Set<String> PARTY_KEPT = Set.of("type", "preferredLanguage");

    private final Pseudonymiser pseudonymiser;
    private final FreeTextMasker masker;

    EventDataNormaliser(Pseudonymiser pseudonymiser, FreeTextMasker masker) {
        this.pseudonymiser = pseudonymiser;
        this.masker = masker;
    }

    ObjectNode normalise(EventType type, ObjectNode data) {
        ObjectNode normalised = data.deepCopy();
        Set<String> known = ContractFields.of(type);
        for (String name : Set.copyOf(normalised.propertyNames())) {
            if (name.equals("party") && normalised.get(name).isObject()) {
                normalised.set(name, party((ObjectNode) normalised.get(name)));
            }
            else if (!known.contains(name) || FREE_TEXT.contains(name)) {
                normalised.set(name, masked(normalised.get(name)));
            }
        }
        return normalised;
    }

    /** Unknown party fields are dropped rather than kept: the party is where personal data lives. */
    private ObjectNode party(ObjectNode party) {
        ObjectNode kept = party.objectNode();
        PARTY_KEPT.stream().filter(party::hasNonNull).forEach(name -> kept.set(name, party.get(name)));
        JsonNode id = party.get("id");
        if (id != null && id.isString() && !id.asString().isBlank()) {
            kept.put("ref", pseudonymiser.reference(id.asString()));
        }
        return kept;
    }

    private JsonNode masked(JsonNode node) {
        if (node.isString()) {
            return StringNode.valueOf(masker.mask(node.asString()));
        }
        if (node.isContainer()) {
            JsonNode copy = node.deepCopy();
            if (copy.isObject()) {
                ObjectNode object = (ObjectNode) copy;
                for (String name : Set.copyOf(object.propertyNames())) {
                    object.set(name, masked(object.get(name)));
                }
            }
            else {
                var array = (tools.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, masked(array.get(i)));
                }
            }
            return copy;
        }
        return node;
    }
}
