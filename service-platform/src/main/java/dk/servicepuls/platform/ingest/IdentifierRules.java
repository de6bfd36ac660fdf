package dk.servicepuls.platform.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identifiers may not hold a CPR number or an e-mail address: the event's {@code id}, {@code source} and
 * {@code department}, and every field of the contract that is not free text ({@code caseworkerId}, {@code team},
 * {@code contactId}, ...). They go into Kafka keys, URLs, logs and metric labels. They are refused, not masked: a
 * masked identifier would quietly join things that do not belong together. ({@code subject} has the same rule in
 * {@link EnvelopeRules}; {@code party.id} is a personal identifier by design and becomes a reference.)
 */
final class IdentifierRules {

    private final FreeTextMasker masker;
    private final DataPointers pointers;

    IdentifierRules(FreeTextMasker masker, DataPointers pointers) {
        this.masker = masker;
        this.pointers = pointers;
    }

    List<Violation> check(CloudEvent event) {
        List<Violation> violations = new ArrayList<>(0);
        attribute(violations, "id", event.getId());
        attribute(violations, "source", event.getSource() == null ? null : event.getSource().toString());
        Object department = event.getExtension(CloudEventAttributes.DEPARTMENT);
        attribute(violations, CloudEventAttributes.DEPARTMENT, department == null ? null : department.toString());
        return violations;
    }

    List<Violation> check(EventType type, ObjectNode data) {
        List<Violation> violations = new ArrayList<>(0);
        Set<String> known = ContractFields.of(type);
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            String name = field.getKey();
            if (known.contains(name) && !ContractFields.FREE_TEXT.contains(name) && !name.equals("party")) {
                check(violations, () -> pointers.child(DataPointers.DATA, name), field.getValue());
            }
        }
        return violations;
    }

    /** @param pointer built only for a violation, which is rare */
    private void check(List<Violation> violations, Supplier<String> pointer, JsonNode value) {
        if (value.isString() && masker.containsCprOrEmail(value.asString())) {
            violations.add(new Violation(pointer.get(), "An identifier must not be a CPR number or an e-mail address"));
        }
        else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                int index = i;
                check(violations, () -> pointer.get() + "/" + index, value.get(i));
            }
        }
    }

    private void attribute(List<Violation> violations, String name, String value) {
        if (masker.containsCprOrEmail(value)) {
            violations.add(Violation.attribute(name, "Attribute '" + name + "' must not hold a CPR number or an e-mail address"));
        }
    }
}
