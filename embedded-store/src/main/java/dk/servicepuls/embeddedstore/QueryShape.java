package dk.servicepuls.embeddedstore;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A query written with its field names and operators only, every value replaced by {@code ?}: what may be logged
 * and recorded about a query, since the values can be personal data. {@code {_id: 7, name: {$regex: "^J"}}} becomes
 * {@code {_id: ?, name: {$regex: ?}}}; a sort is appended by its keys.
 */
final class QueryShape {

    /** Operators whose operand is itself a list of queries (whose field names matter), not a list of values. */
    private static final Set<String> QUERY_LISTS = Set.of("$and", "$or", "$nor");

    private QueryShape() {
    }

    static String of(Document query, Document orderBy) {
        StringBuilder shape = new StringBuilder();
        appendQuery(query == null ? new Document() : query, shape);
        if (orderBy != null && !orderBy.isEmpty()) {
            shape.append(" sort {").append(String.join(", ", orderBy.keySet())).append('}');
        }
        return shape.toString();
    }

    private static void appendQuery(Map<String, Object> query, StringBuilder shape) {
        shape.append('{');
        Iterator<Map.Entry<String, Object>> entries = query.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Object> entry = entries.next();
            shape.append(entry.getKey()).append(": ");
            appendOperand(entry.getKey(), entry.getValue(), shape);
            if (entries.hasNext()) {
                shape.append(", ");
            }
        }
        shape.append('}');
    }

    private static void appendOperand(String key, Object operand, StringBuilder shape) {
        if (QUERY_LISTS.contains(key) && operand instanceof Collection<?> queries) {
            shape.append('[');
            Iterator<?> each = queries.iterator();
            while (each.hasNext()) {
                appendOperand("", each.next(), shape);
                if (each.hasNext()) {
                    shape.append(", ");
                }
            }
            shape.append(']');
        }
        else if (operand instanceof Document document
                && (isExpression(document) || key.isEmpty() || key.equals("$elemMatch"))) {
            // {$gt: 3}, {$not: {...}}, an element of $and, $elemMatch's query: structure; their operands are values
            appendQuery(document, shape);
        }
        else {
            shape.append('?');
        }
    }

    /** A document whose keys are all operators, unlike an embedded document given as a value to compare with. */
    private static boolean isExpression(Document document) {
        return !document.isEmpty() && document.keySet().stream().allMatch(name -> name.startsWith("$"));
    }

}
