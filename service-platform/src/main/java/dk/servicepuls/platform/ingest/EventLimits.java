package dk.servicepuls.platform.ingest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.cloudevents.Violation;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The limits every ingested event is held to before anything else is done with it, each refusal naming the limit
 * and the field: the whole event (well below what Kafka takes in one record, so that the relay can always publish
 * it), every string, every identifier and field name, the nesting of the data, integers (signed 64-bit, as the
 * store and every consumer read them) and how many fields the contract does not know. Nothing here repeats a value.
 * The walk is linear in the size of the data, which the body and event limits bound.
 */
final class EventLimits {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final IngestProperties.Limits limits;
    private final DataPointers pointers;

    EventLimits(IngestProperties.Limits limits, DataPointers pointers) {
        this.limits = limits;
        this.pointers = pointers;
    }

    /** The envelope: size of the whole event and length of its identifiers. */
    List<Violation> check(CloudEvent event) {
        List<Violation> violations = new ArrayList<>();
        long size = event.getData() == null ? 0 : event.getData().toBytes().length;
        for (String name : event.getAttributeNames()) {
            size += attribute(violations, name, event.getAttribute(name));
        }
        for (String name : event.getExtensionNames()) {
            size += attribute(violations, name, event.getExtension(name));
        }
        if (size > limits.maxEventBytes()) {
            violations.add(Violation.body("The event is " + size + " bytes; at most " + limits.maxEventBytes()
                    + " are accepted (servicepuls.ingest.limits.max-event-bytes)"));
        }
        return violations;
    }

    /**
     * Checks an attribute's length as written (the SDK gives {@code source} and {@code dataschema} as URIs, not
     * strings); {@code time} is the SDK's own. Returns its share of the event's size.
     */
    private long attribute(List<Violation> violations, String name, Object value) {
        String text = String.valueOf(value);
        if (!name.equals("time") && text.length() > limits.maxIdentifierLength()) {
            violations.add(Violation.attribute(name, "Attribute '" + name + "' is " + text.length()
                    + " characters; at most " + limits.maxIdentifierLength() + " are accepted"));
        }
        return name.length() + text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The data: strings, field names, nesting, integers and fields the contract does not know. */
    List<Violation> check(EventType type, ObjectNode data) {
        List<Violation> violations = new ArrayList<>();
        Set<String> known = type == null ? Set.of() : ContractFields.of(type);
        int[] unknown = {0};
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            boolean outsideContract = !known.contains(field.getKey());
            if (outsideContract) {
                unknown[0]++;
            }
            walk(pointers.step(field.getKey()), field.getValue(), 1, outsideContract ? unknown : null, violations);
        }
        if (unknown[0] > limits.maxUnknownFields()) {
            violations.add(new Violation(DataPointers.DATA, "The data holds " + unknown[0] + " fields the contract does not know; at most "
                    + limits.maxUnknownFields() + " are accepted"));
        }
        return violations;
    }

    /** @param unknown counts the fields below a field the contract does not know; {@code null} inside known ones */
    private void walk(String path, JsonNode node, int depth, int[] unknown, List<Violation> violations) {
        if (violations.size() >= limits.maxViolations()) {
            return;
        }
        if (node.isString()) {
            int length = node.asString().length();
            if (length > limits.maxStringLength()) {
                violations.add(at(path, "Text is " + length + " characters; at most "
                        + limits.maxStringLength() + " are accepted"));
            }
            return;
        }
        if (node.isNumber()) {
            number(path, node, violations);
            return;
        }
        if (!node.isContainer()) {
            return;
        }
        if (depth >= limits.maxDepth()) {
            violations.add(at(path, "Nested deeper than " + limits.maxDepth() + " levels"));
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().length() > limits.maxIdentifierLength()) {
                    violations.add(at(path, "A field name is " + field.getKey().length()
                            + " characters; at most " + limits.maxIdentifierLength() + " are accepted"));
                    continue;
                }
                if (unknown != null) {
                    unknown[0]++;
                }
                walk(pointers.child(path, field.getKey()), field.getValue(), depth + 1, unknown, violations);
            }
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            if (unknown != null) {
                unknown[0]++;
            }
            walk(path + "/" + i, node.get(i), depth + 1, unknown, violations);
        }
    }

    private void number(String path, JsonNode node, List<Violation> violations) {
        if (node.isIntegralNumber() && !node.canConvertToLong()) {
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
                violations.add(at(path, "Integer outside the signed 64-bit range"));
            }
        }
        else if (node.isFloatingPointNumber() && !Double.isFinite(node.asDouble())) {
            violations.add(at(path, "Number outside the range of a 64-bit floating point number"));
        }
    }

    private static Violation at(String path, String detail) {
        return new Violation(DataPointers.DATA + "/" + path, detail);
    }
}
