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

    private JsonDocuments() {
    }

    /** @param value a {@link JsonNode}, or anything the mapper writes as a JSON object */
    public static Document of(JsonMapper json, Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : json.valueToTree(value);
        if (tree != null && tree.isObject() && plain(tree)) {
            return document(tree);
        }
        return Document.parse(json.writeValueAsString(tree));
    }

    private static boolean plain(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().startsWith("$") || !plain(property.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                if (!plain(item)) {
                    return false;
                }
            }
            return true;
        }
        return node.isString() || node.isBoolean() || node.isNull() || node.isShort() || node.isInt()
                || node.isLong() || (node.isDouble() && Double.isFinite(node.doubleValue()));
    }

    private static Document document(JsonNode object) {
        Document document = new Document();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            document.put(property.getKey(), value(property.getValue()));
        }
        return document;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return document(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                items.add(value(item));
            }
            return items;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isDouble()) {
            return node.doubleValue();
        }
        if (node.isNull()) {
            return null;
        }
        long whole = node.longValue();
        return whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE ? (Object) (int) whole : (Object) whole;
    }
}
