package dk.servicepuls.platform.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.PersonalFieldNames;
import dk.servicepuls.platform.privacy.PartyReferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns validated event data into what the platform keeps and publishes: the party's identifier becomes a keyed
 * reference in the event's department (and, for a while after a change of keys, the former one too) and name and
 * phone are dropped; every piece of free text (the contract's note, comment, text and reason
 * fields) is masked; and in what the contract does not know, fields whose names say they hold personal data are
 * dropped, and every string, field name and integer with the shape of a CPR or phone number is masked.
 */
final class EventDataNormaliser {

    private static final Set<String> PARTY_KEPT = Set.of("type", "preferredLanguage");
    private static final Set<String> PARTY_DROPPED = Set.of("id", "name", "phone");

    /** A party an event names: its department and identifier, to look its reference up with the batch's others. */
    record Party(String department, String identifier) {

        static Optional<Party> of(String department, ObjectNode data) {
            JsonNode id = data.path("party").path("id");
            return id.isString() && !id.asString().isBlank() ? Optional.of(new Party(department, id.asString()))
                    : Optional.empty();
        }
    }

    /** Looks up the references of a batch's parties at once, so that normalising them then needs no store. */
    void prepare(List<Party> parties) {
        if (!parties.isEmpty()) {
            references.prepare(parties.stream()
                    .map(party -> new PartyReferences.Named(party.department(), party.identifier())).toList());
        }
    }

    /** The data as kept, and the pointers of the fields that were dropped for their names. */
    record Normalised(ObjectNode data, List<String> dropped) {
    }

    private final PartyReferences references;
    private final FreeTextMasker masker;
    private final PersonalFieldNames personal;
    private final DataPointers pointers;

    EventDataNormaliser(PartyReferences references, FreeTextMasker masker, PersonalFieldNames personal, DataPointers pointers) {
        this.references = references;
        this.masker = masker;
        this.personal = personal;
        this.pointers = pointers;
    }

    Normalised normalise(EventType type, String department, ObjectNode data) {
        Set<String> known = ContractFields.of(type);
        List<String> dropped = new ArrayList<>(0);
        ObjectNode normalised = data.objectNode();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            // built only for a field that is dropped: masking every field name of every event for nothing was waste
            Supplier<String> pointer = () -> pointers.child(DataPointers.DATA, name);
            if (name.equals("party") && value.isObject()) {
                normalised.set(name, party(department, (ObjectNode) value, pointer, dropped));
            }
            else if (known.contains(name)) {
                normalised.set(name, ContractFields.FREE_TEXT.contains(name) ? masked(value, pointer, dropped) : value);
            }
            else if (personal.saysPersonal(name)) {
                dropped.add(pointer.get());
            }
            else {
                put(normalised, masker.mask(name), masked(value, pointer, dropped));
            }
        }
        return new Normalised(normalised, List.copyOf(dropped));
    }

    /**
     * Only the party fields the contract keeps survive: the party is where personal data lives. Fields the contract
     * does not know are reported as dropped; its own name and phone are dropped as the contract says.
     */
    private ObjectNode party(String department, ObjectNode party, Supplier<String> pointer, List<String> dropped) {
        ObjectNode kept = party.objectNode();
        for (String name : party.propertyNames()) {
            if (PARTY_KEPT.contains(name)) {
                kept.set(name, party.get(name));
            }
            else if (!PARTY_DROPPED.contains(name)) {
                dropped.add(pointers.child(pointer.get(), name));
            }
        }
        JsonNode id = party.get("id");
        if (id != null && id.isString() && !id.asString().isBlank()) {
            kept.put("ref", references.ref(department, id.asString()));
            String former = references.formerRef(id.asString());
            if (former != null) {
                kept.put("formerRef", former);
            }
        }
        return kept;
    }

    private JsonNode masked(JsonNode node, Supplier<String> pointer, List<String> dropped) {
        if (node.isString()) {
            return StringNode.valueOf(masker.mask(node.asString()));
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            String mask = masker.maskForInteger(node.asLong());
            return mask == null ? node : StringNode.valueOf(mask);
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Supplier<String> child = () -> pointers.child(pointer.get(), field.getKey());
                if (personal.saysPersonal(field.getKey())) {
                    dropped.add(child.get());
                }
                else {
                    put(copy, masker.mask(field.getKey()), masked(field.getValue(), child, dropped));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                copy.add(masked(node.get(i), () -> pointer.get() + "/" + index, dropped));
            }
            return copy;
        }
        return node;
    }

    /** Two names can mask to the same ({@code [CPR]}): the later ones are numbered rather than lost. */
    private static void put(ObjectNode object, String name, JsonNode value) {
        String free = name;
        for (int n = 2; object.has(free); n++) {
            free = name + "#" + n;
        }
        object.set(free, value);
    }
}
