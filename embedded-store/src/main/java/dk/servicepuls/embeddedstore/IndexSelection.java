package dk.servicepuls.embeddedstore;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Picks the index that narrows a query down to a few candidate documents. The library uses a unique index only
 * when the query names exactly that index's keys; here a query that gives all keys of a unique index with equality
 * (for a single-key index also {@code $in}) is served from it whatever else it asks for, so {@code {_id: x, version:
 * 3}} is one lookup, not a collection scan. The candidates are a superset of the answer: the caller still filters
 * them by the whole query, which is why only criteria that every matching document must meet are used.
 */
final class IndexSelection {

    private static final String IN = "$in";

    private static final String EQ = "$eq";

    private static final String AND = "$and";

    private IndexSelection() {
    }

    /** The positions of the candidate documents, or {@code null} when no index serves the query (a scan). */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index.canHandle(query)) {
                return index.getPositions(query);
            }
        }
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                continue;
            }
            Document lookup = lookupFor(index.getKeys(), query);
            if (lookup != null && index.canHandle(lookup)) {
                return index.getPositions(lookup);
            }
        }
        return null;
    }

    /** The plain value the query gives {@code field} (or a conjunct of its {@code $and}); {@code null} if none. */
    static Object plainValueOf(Document query, String field) {
        return query == null ? null : criterionOn(query, field, true);
    }

    /** The part of the query on the index's keys, in a form the index can answer; {@code null} if there is none. */
    static Document lookupFor(List<IndexKey> keys, Document query) {
        boolean compound = keys.size() > 1;
        Document lookup = new Document();
        for (IndexKey key : keys) {
            Object criterion = criterionOn(query, key.getKey(), compound);
            if (criterion == null) {
                return null;
            }
            lookup.put(key.getKey(), criterion);
        }
        return lookup;
    }

    /**
     * A plain value, or {@code {$in: [...]}} when {@code inAllowed}, that the field must match: from the query's own
     * field, or from a conjunct of a top-level {@code $and}.
     */
    private static Object criterionOn(Document query, String field, boolean compound) {
        if (query.containsKey(field)) {
            Object criterion = usableCriterion(query.get(field), !compound);
            if (criterion != null) {
                return criterion;
            }
        }
        if (query.get(AND) instanceof Collection<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part) {
                    Object criterion = criterionOn(part, field, compound);
                    if (criterion != null) {
                        return criterion;
                    }
                }
            }
        }
        return null;
    }

    private static Object usableCriterion(Object operand, boolean inAllowed) {
        if (isPlainValue(operand)) {
            return operand;
        }
        if (!(operand instanceof Document expression) || !isExpression(expression)) {
            return null;
        }
        if (expression.containsKey(EQ) && isPlainValue(expression.get(EQ))) {
            return expression.get(EQ);
        }
        if (inAllowed && expression.get(IN) instanceof Collection<?> values
                && values.stream().allMatch(IndexSelection::isPlainValue)) {
            return new Document(IN, values);
        }
        return null;
    }

    /**
     * A value that an index entry can equal: not null or missing (those match absent fields, which a unique index
     * may not hold), not a regular expression (a pattern, not a value), not an array (whose elements the index
     * holds one by one) and not an operator expression.
     */
    private static boolean isPlainValue(Object value) {
        if (value == null || value instanceof Missing || value instanceof Collection || value instanceof Pattern
                || BsonRegularExpression.isRegularExpression(value)) {
            return false;
        }
        return !(value instanceof Document document) || !isExpression(document);
    }

    private static boolean isExpression(Document document) {
        return document.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

}
