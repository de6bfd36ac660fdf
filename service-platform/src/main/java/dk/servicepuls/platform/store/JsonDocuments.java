package dk.servicepuls.platform.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A value's JSON as a BSON document, exactly as {@code Document.parse} of its JSON text gives it (a whole number as
 * an int32 where it fits, else an int64; a fraction as a double), without writing the text and parsing it again:
 * that round trip was a third of what feedback-service spent making an analysis' document, and an eighth of the
 * ingest door's checks. What the tree cannot give the same way (keys that extended JSON reads as types, such as
 * {@code $date}; big or decimal numbers; floats; a value that is not an object) still goes through the text.
 */
public final class JsonDocuments {

    /** What {@link #value} answers for a part that only the text gives as the parse would. */
    private static final Object ONLY_AS_TEXT = new Object();

    private JsonDocuments() {
    }

    /** @param value a {@link JsonNode}, or anything the mapper writes as a JSON object */
    public static Document of(JsonMapper json, Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : json.valueToTree(value);
        if (tree != null && tree.isObject() && value(tree) instanceof Document document) {
            return document;
        }
        return Document.parse(json.writeValueAsString(tree));
    }

    /** The node as the parse of its text gives it, or {@link #ONLY_AS_TEXT} if any part of it differs that way. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Document document = new Document();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                Object value = property.getKey().startsWith("$") ? ONLY_AS_TEXT : value(property.getValue());
                if (value == ONLY_AS_TEXT) {
                    return ONLY_AS_TEXT;
                }
                document.put(property.getKey(), value);
            }
            return document;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                Object value = value(item);
                if (value == ONLY_AS_TEXT) {
                    return ONLY_AS_TEXT;
                }
                items.add(value);
            }
            return items;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isDouble()) {
            return Double.isFinite(node.doubleValue()) ? node.doubleValue() : ONLY_AS_TEXT;
        }
        if (node.isShort() || node.isInt() || node.isLong()) {
            long whole = node.longValue();
            return whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE ? (Object) (int) whole : (Object) whole;
        }
        return ONLY_AS_TEXT;
    }
}
