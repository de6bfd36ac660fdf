package dk.servicepuls.embeddedstore;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An update of a document that the store decoded for this command alone, without the copies the library makes
 * because its other backends hand it the stored object itself: a deep copy of the document before the change (to
 * keep the old values for the indexes), and a normalised copy of the old and of the new document to tell whether
 * anything changed. Here the document as read is the old one and nothing changes it (a decoded one is a fresh copy;
 * one kept as an object is replaced, never changed), and the comparison walks both documents without copying them and
 * stops at the first difference. Profiled at 1,000 events/s those copies were a
 * fifth of the store's time, in every collection that is updated (decision record 0001, point 24).
 * <p>
 * The change itself is still computed by the library's own (private) method, so every update operator behaves as
 * before; where that method is not there (another library version), or for what needs the query's match position
 * (the positional {@code $} operators), the library's own update runs instead.
 */
final class DecodedUpdates {

    private static final Logger log = LoggerFactory.getLogger(DecodedUpdates.class);

    private static final MethodHandle CALCULATE = calculateUpdateDocument();

    private DecodedUpdates() {
    }

    /** Whether this update can be made here; otherwise by the library. */
    static boolean canMake(Document update) {
        if (CALCULATE == null) {
            return false;
        }
        for (Map.Entry<String, Object> part : update.entrySet()) {
            if (part.getKey().startsWith("$") && part.getValue() instanceof Document fields) {
                for (String path : fields.keySet()) {
                    if (path.contains("$")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static boolean available() {
        return CALCULATE != null;
    }

    /** The document as the update leaves it, a new object; {@code decoded} is read, never changed. */
    static Document updated(AbstractMongoCollection<?> collection, Document decoded, Document update,
            ArrayFilters arrayFilters) {
        try {
            return (Document) CALCULATE.invoke(collection, decoded, update, arrayFilters, (Integer) null, false);
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The document to store, with the library's field order: the fields the old document kept in their old order,
     * then the new ones in the order the update gave them.
     */
    static Document stored(Document old, Document updated) {
        Document stored = new Document();
        for (String key : old.keySet()) {
            if (updated.containsKey(key)) {
                stored.put(key, updated.get(key));
            }
        }
        for (Map.Entry<String, Object> field : updated.entrySet()) {
            if (field.getKey().contains(".")) {
                throw new MongoServerException("illegal field name. must not happen as it must be caught by the driver");
            }
            stored.putIfAbsent(field.getKey(), field.getValue());
        }
        return stored;
    }

    /**
     * Whether two values are equal as the library compares an updated document with its old one to count it as
     * modified: numbers by value (1 = 1L = 1.0, −0.0 = 0.0, a long that no double holds only as itself), null and
     * missing alike, documents field by field in order, lists element by element.
     */
    static boolean sameValues(Object a, Object b) {
        if (a == b) {
            return true;
        }
        boolean aAbsent = Missing.isNullOrMissing(a);
        boolean bAbsent = Missing.isNullOrMissing(b);
        if (aAbsent || bAbsent) {
            return aAbsent && bAbsent;
        }
        Object left = a instanceof Number number ? byValue(number) : a;
        Object right = b instanceof Number number ? byValue(number) : b;
        if (left instanceof Map<?, ?> leftMap) {
            return right instanceof Map<?, ?> rightMap && sameFields(leftMap, rightMap);
        }
        if (left instanceof Collection<?> leftItems) {
            return right instanceof Collection<?> rightItems && sameItems(leftItems, rightItems);
        }
        return Objects.equals(left, right);
    }

    private static boolean sameFields(Map<?, ?> left, Map<?, ?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<? extends Map.Entry<?, ?>> rightFields = right.entrySet().iterator();
        for (Map.Entry<?, ?> leftField : left.entrySet()) {
            Map.Entry<?, ?> rightField = rightFields.next();
            if (!Objects.equals(leftField.getKey(), rightField.getKey())
                    || !sameValues(leftField.getValue(), rightField.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameItems(Collection<?> left, Collection<?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<?> rightItems = right.iterator();
        for (Object leftItem : left) {
            if (!sameValues(leftItem, rightItems.next())) {
                return false;
            }
        }
        return true;
    }

    private static Object byValue(Number number) {
        if (number instanceof Long value && value != (long) value.doubleValue()) {
            return value;
        }
        double value = number.doubleValue();
        return value == -0.0 ? 0.0 : value;
    }

    private static MethodHandle calculateUpdateDocument() {
        try {
            return MethodHandles.privateLookupIn(AbstractMongoCollection.class, MethodHandles.lookup())
                    .findVirtual(AbstractMongoCollection.class, "calculateUpdateDocument", MethodType.methodType(
                            Document.class, Document.class, Document.class, ArrayFilters.class, Integer.class,
                            boolean.class));
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Updates go through mongo-java-server's own path, with its copies of every document updated "
                    + "(its update method was not found: {})", e.toString());
            return null;
        }
    }
}
