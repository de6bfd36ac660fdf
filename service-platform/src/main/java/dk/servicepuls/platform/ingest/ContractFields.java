package dk.servicepuls.platform.ingest;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.servicepuls.contracts.EventType;

/** The data fields the contract names for each event type: the components of the type's data record. */
final class ContractFields {

    /** The contract's free-text fields: masked, never identifiers. */
    static final Set<String> FREE_TEXT = Set.of("note", "comment", "text", "reason");

    private static final Map<EventType, Set<String>> FIELDS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            FIELDS.put(type, Arrays.stream(type.dataType().getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private ContractFields() {
    }

    static Set<String> of(EventType type) {
        return FIELDS.get(type);
    }
}
