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
 * 3}} is one lookup, not a collection scan. Only criteria that every matching document must meet are used, so the
 * candidates hold the whole answer.
 * <p>
 * <b>What is left to match.</b> A candidate found by an index entry equal to a key's value meets that key's
 * criterion: the index normalises numbers as the query matcher does, and it keeps documents field by field in
 * their order, stricter than the matcher's equality. So a criterion of the query's own top level that the lookup
 * answered (a plain value, {@code $eq}, {@code $in}) is not matched again; the caller matches the rest of the query
 * ({@link Candidates#residual()}). Matching it again cost a batch's {@code _id $in} query of n keys n² comparisons
 * and as many normalised values: at a few hundred keys, a tenth of the store's time.
 */
final class IndexSelection {

    private static final String IN = "$in";

    private static final String EQ = "$eq";

    private static final String AND = "$and";

    private IndexSelection() {
    }

    /**
     * The documents an index lookup found for a query, and what of the query they have yet to be matched against.
     *
     * @param positions the candidates, the whole answer among them
     * @param residual  the query less the criteria the lookup answered exactly; empty when it answered all
     */
    record Candidates<P>(Iterable<P> positions, Document residual) {
    }

    /** The candidate documents, or {@code null} when no index serves the query (a scan). */
    static <P> Candidates<P> candidates(List<Index<P>> indexes, Document query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (Index<P> index : indexes) {
            if (index.canHandle(query)) {
                return new Candidates<>(index.getPositions(query), residualAfter(index.getKeys(), query));
            }
        }
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                continue;
            }
            Document lookup = lookupFor(index.getKeys(), query);
            if (lookup != null && index.canHandle(lookup)) {
                return new Candidates<>(index.getPositions(lookup), residualAfter(index.getKeys(), query));
            }
        }
        return null;
    }

    /**
     * The query less the criteria of its own top level on the keys, where a lookup by them answers each exactly
     * (see the class's note); the whole query where one of them is anything else (a pattern, a range, a criterion
     * inside {@code $and}), as the lookup's candidates must then still be matched against it.
     */
    static Document residualAfter(List<IndexKey> keys, Document query) {
        boolean compound = keys.size() > 1;
        for (IndexKey key : keys) {
            if (!query.containsKey(key.getKey()) || !answeredExactly(query.get(key.getKey()), !compound)) {
                return query;
            }
        }
        Document residual = new Document(query);
        keys.forEach(key -> residual.remove(key.getKey()));
        return residual;
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

    /** A plain value, or an expression of {@code $eq} or {@code $in} alone (another operator beside it still counts). */
    private static boolean answeredExactly(Object operand, boolean inAllowed) {
        if (isPlainValue(operand)) {
            return true;
        }
        return operand instanceof Document expression && expression.size() == 1
                && usableCriterion(expression, inAllowed) != null;
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
