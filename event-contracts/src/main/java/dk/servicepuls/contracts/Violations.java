package dk.servicepuls.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns a validator error into a {@link SchemaViolation}. The reason is written from the keyword and the schema
 * alone, never from the validator's message or arguments, which may quote the offending value.
 */
final class Violations {

    static final String ROOT = "data";

    private static final Map<String, String> TYPE_NAMES = Map.of(
            "string", "a string", "integer", "a whole number", "number", "a number", "boolean", "true or false",
            "object", "an object", "array", "a list", "null", "null");

    private Violations() {
    }

    static SchemaViolation of(Error error, JsonNode rootSchema) {
        NodePath schemaPath = error.getSchemaLocation().getFragment();
        int alternative = alternativeIndex(schemaPath);
        if (alternative >= 0) {
            // The validator reports every failed branch of an anyOf; the sender needs the anyOf as a whole.
            String keyword = schemaPath.getName(alternative);
            JsonNode branches = at(rootSchema, schemaPath, alternative);
            return new SchemaViolation(path(error.getInstanceLocation(), null), alternatives(branches, keyword));
        }
        String keyword = error.getKeyword();
        if ("required".equals(keyword) || "dependentRequired".equals(keyword)) {
            return new SchemaViolation(path(error.getInstanceLocation(), error.getProperty()), "This field is required.");
        }
        return new SchemaViolation(path(error.getInstanceLocation(), null), reason(keyword, error.getSchemaNode()));
    }

    private static int alternativeIndex(NodePath schemaPath) {
        for (int i = 0; i < schemaPath.getNameCount(); i++) {
            String name = schemaPath.getName(i);
            if ("anyOf".equals(name) || "oneOf".equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The schema node at elements 0 to {@code last} of a JSON pointer into the schema. */
    private static JsonNode at(JsonNode schema, NodePath pointer, int last) {
        JsonNode node = schema;
        for (int i = 0; i <= last; i++) {
            String name = pointer.getName(i);
            node = node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
        }
        return node;
    }

    private static String reason(String keyword, JsonNode value) {
        return switch (keyword == null ? "" : keyword) {
            case "type" -> "Must be " + typeNames(value) + ".";
            case "enum" -> "Must be one of: " + join(value) + ".";
            case "const" -> "Must be exactly " + text(value) + ".";
            case "minimum" -> "Must be at least " + value.asString() + ".";
            case "maximum" -> "Must be at most " + value.asString() + ".";
            case "exclusiveMinimum" -> "Must be greater than " + value.asString() + ".";
            case "exclusiveMaximum" -> "Must be less than " + value.asString() + ".";
            case "minLength" -> "Must be at least " + value.asString() + " characters long.";
            case "maxLength" -> "Must be at most " + value.asString() + " characters long.";
            case "pattern" -> "Must match the pattern " + value.asString() + ".";
            case "format" -> format(value.asString());
            case "minItems" -> "Must have at least " + value.asString() + " items.";
            case "maxItems" -> "Must have at most " + value.asString() + " items.";
            default -> "Does not satisfy the schema keyword '" + keyword + "'.";
        };
    }

    private static String typeNames(JsonNode type) {
        List<String> names = new ArrayList<>();
        (type.isArray() ? type.values() : List.of(type))
                .forEach(t -> names.add(TYPE_NAMES.getOrDefault(t.asString(), t.asString())));
        return String.join(" or ", names);
    }

    private static String format(String format) {
        return switch (format) {
            case "date-time" -> "Must be an RFC 3339 date-time with a time zone, e.g. 2026-03-02T09:30:00Z.";
            case "date" -> "Must be an RFC 3339 date, e.g. 2026-03-02.";
            case "uri" -> "Must be an absolute URI.";
            default -> "Must be in " + format + " format.";
        };
    }

    /** Alternatives that each only require a field read as "at least one of these fields". */
    private static String alternatives(JsonNode branches, String keyword) {
        List<String> fields = new ArrayList<>();
        for (JsonNode branch : branches.values()) {
            if (branch.size() != 1 || !branch.path("required").isArray()) {
                return "anyOf".equals(keyword)
                        ? "Does not match any of the allowed forms."
                        : "Must match exactly one of the allowed forms.";
            }
            branch.get("required").values().forEach(f -> fields.add(f.asString()));
        }
        return "anyOf".equals(keyword)
                ? "At least one of " + String.join(", ", fields) + " is required."
                : "Exactly one of " + String.join(", ", fields) + " is required.";
    }

    private static String join(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.values().forEach(v -> texts.add(text(v)));
        return String.join(", ", texts);
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    /** A dotted path inside data, e.g. {@code party.type} or {@code factors[0].code}; {@code data} for the root. */
    private static String path(NodePath location, String child) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        if (child != null) {
            path.append(path.isEmpty() ? "" : ".").append(child);
        }
        return path.isEmpty() ? ROOT : path.toString();
    }
}
