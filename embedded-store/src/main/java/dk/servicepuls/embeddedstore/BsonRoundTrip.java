package dk.servicepuls.embeddedstore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Whether the library's BSON encoder and decoder give a document back as it was. They do for everything that
 * arrives over the wire; not for what only the server itself puts into a document: {@code Missing} (the encoder
 * rejects it), a set or another non-list collection (it comes back as a list), a map that is not a
 * {@link Document}. Such a document is kept Java-serialised instead, as the plain H2 backend keeps every document.
 * <p>
 * Dates are {@link Instant}s and BSON keeps them to the millisecond, as MongoDB does: a {@code $currentDate} taken
 * with microseconds reads back truncated to the millisecond (which is all a client was ever sent).
 */
final class BsonRoundTrip {

    private BsonRoundTrip() {
    }

    static boolean isExact(Document document) {
        for (Object value : document.values()) {
            if (!isExactValue(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExactValue(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                || value instanceof Instant || value instanceof Decimal128 || value instanceof BinData
                || value instanceof UUID || value instanceof LegacyUUID || value instanceof BsonTimestamp
                || value instanceof BsonRegularExpression || value instanceof MinKey || value instanceof MaxKey
                || value instanceof BsonJavaScript) {
            return true;
        }
        if (value instanceof Document document) {
            return isExact(document);
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!isExactValue(element)) {
                    return false;
                }
            }
            return true;
        }
        return false; // Missing, sets, other maps, anything unknown
    }

    /** A rough size in memory, for MVStore's cache accounting: it only has to be cheap and in proportion. */
    static int estimateMemory(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + 2 * String.valueOf(entry.getKey()).length() + estimateMemory(entry.getValue());
            }
            return size;
        }
        if (value instanceof List<?> list) {
            int size = 40;
            for (Object element : list) {
                size += 8 + estimateMemory(element);
            }
            return size;
        }
        if (value instanceof String string) {
            return 48 + string.length();
        }
        if (value instanceof BinData binData) {
            return 32 + binData.getData().length;
        }
        return 24;
    }

}
