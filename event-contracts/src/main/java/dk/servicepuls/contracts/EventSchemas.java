package dk.servicepuls.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Validates an event's {@code data} against its type's JSON Schema. All schemas are loaded once, in the
 * constructor; an instance is immutable and safe to share between threads, so create one and reuse it.
 */
public final class EventSchemas {

    private static final JsonNode EMPTY_OBJECT = JsonNodeFactory.instance.objectNode();

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        // Format assertions are off by default in 2020-12; the contract wants a bad date-time refused.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        JsonMapper mapper = JsonMapper.shared();
        for (EventType type : EventType.values()) {
            Schema schema = registry.getSchema(read(mapper, type.schemaResource()));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
    }

    /**
     * Checks {@code data} against the schema of {@code type}. Absent or {@code null} data counts as {@code {}},
     * which is valid for types without required fields (case.closed) and one violation on {@code data} for the rest.
     *
     * @return the violations, empty when {@code data} is valid
     */
    public List<SchemaViolation> validate(EventType type, JsonNode data) {
        Schema schema = schemas.get(type);
        if (data == null || data.isNull() || data.isMissingNode()) {
            return schema.validate(EMPTY_OBJECT).isEmpty()
                    ? List.of()
                    : List.of(new SchemaViolation(Violations.ROOT, "Data is required for this event type."));
        }
        try {
            return schema.validate(data).stream()
                    .map(error -> Violations.of(error, schema.getSchemaNode()))
                    .distinct()
                    .toList();
        } catch (JsonNodeException beyondLong) {
            // the validator compares a whole number written with an exponent (4e20) against a minimum or maximum as
            // a long, and throws where it does not fit one: such a number is out of every range the contract has
            List<SchemaViolation> found = new ArrayList<>();
            wholeNumbersBeyondLong(data, "", found);
            return found.isEmpty() ? List.of(new SchemaViolation(Violations.ROOT, "A number is out of range.")) : found;
        }
    }

    private static void wholeNumbersBeyondLong(JsonNode node, String path, List<SchemaViolation> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                wholeNumbersBeyondLong(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                wholeNumbersBeyondLong(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isFloatingPointNumber()) {
            double value = node.asDouble();
            if (value == Math.rint(value) && (value >= 0x1p63 || value < -0x1p63)) {
                found.add(new SchemaViolation(path.isEmpty() ? Violations.ROOT : path,
                        "Must be a whole number from -9223372036854775808 to 9223372036854775807."));
            }
        }
    }

    private static JsonNode read(JsonMapper mapper, String resource) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
