package dk.servicepuls.embeddedstore;

import java.nio.charset.StandardCharsets;
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
import org.h2.mvstore.WriteBuffer;

/**
 * Writes a document as BSON straight into an MVStore page, in one pass, byte for byte what the library's
 * {@code BsonEncoder} writes (so its {@code BsonDecoder} reads it back, also from older files). A commit writes every
 * document of every page a command touched, so this is on the store's hottest path: the library's way first walked
 * the document to see whether BSON gives it back exactly, then encoded it into a buffer of its own (an array as a new
 * document with "0", "1", … as keys) and copied that.
 * <p>
 * BSON gives back everything that arrives over the wire; not what only the server itself puts into a document:
 * {@code Missing}, a set or another non-list collection (it would come back as a list), a map that is not a
 * {@link Document}. Such a value stops the writing with {@link NotExact}, and the caller keeps the document
 * Java-serialised, as the plain H2 backend keeps every document. Dates are {@link Instant}s and BSON keeps them to the
 * millisecond, as MongoDB does: a {@code $currentDate} taken with microseconds reads back truncated to the millisecond
 * (which is all a client was ever sent).
 */
final class PageBson {

    /** Thrown where BSON would not give the value back as it is; no stack trace, as it is an answer, not an error. */
    static final class NotExact extends RuntimeException {

        private static final NotExact INSTANCE = new NotExact();

        private NotExact() {
            super("not exactly representable in BSON", null, false, false);
        }
    }

    private static final int INDEX_KEYS = 256;

    /** Array indexes as BSON keys ("0", "1", …), the common ones made once. */
    private static final byte[][] INDEX_KEY_BYTES = new byte[INDEX_KEYS][];

    static {
        for (int i = 0; i < INDEX_KEYS; i++) {
            INDEX_KEY_BYTES[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private PageBson() {
    }

    /** Writes the document; on {@link NotExact} the buffer holds a part of it, which the caller discards. */
    static void write(WriteBuffer out, Document document) {
        int start = out.position();
        out.putInt(0); // its length, once known
        for (Map.Entry<String, Object> field : document.entrySet()) {
            value(out, field.getKey().getBytes(StandardCharsets.UTF_8), field.getValue());
        }
        out.put((byte) 0);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
    }

    private static void array(WriteBuffer out, List<?> list) {
        int start = out.position();
        out.putInt(0);
        for (int i = 0; i < list.size(); i++) {
            value(out, i < INDEX_KEYS ? INDEX_KEY_BYTES[i] : Integer.toString(i).getBytes(StandardCharsets.US_ASCII),
                    list.get(i));
        }
        out.put((byte) 0);
        out.putInt(start, Integer.reverseBytes(out.position() - start));
    }

    private static void value(WriteBuffer out, byte[] key, Object value) {
        if (value instanceof String string) {
            head(out, (byte) 0x02, key);
            string(out, string);
        }
        else if (value instanceof Document document) {
            head(out, (byte) 0x03, key);
            write(out, document);
        }
        else if (value instanceof Integer number) {
            head(out, (byte) 0x10, key);
            out.putInt(Integer.reverseBytes(number));
        }
        else if (value instanceof Long number) {
            head(out, (byte) 0x12, key);
            out.putLong(Long.reverseBytes(number));
        }
        else if (value instanceof Instant instant) {
            head(out, (byte) 0x09, key);
            out.putLong(Long.reverseBytes(instant.toEpochMilli()));
        }
        else if (value == null) {
            head(out, (byte) 0x0A, key);
        }
        else if (value instanceof Boolean bool) {
            head(out, (byte) 0x08, key);
            out.put(bool ? (byte) 1 : (byte) 0);
        }
        else if (value instanceof Double number) {
            head(out, (byte) 0x01, key);
            out.putLong(Long.reverseBytes(Double.doubleToRawLongBits(number)));
        }
        else if (value instanceof List<?> list) {
            head(out, (byte) 0x04, key);
            array(out, list);
        }
        else if (value instanceof ObjectId id) {
            head(out, (byte) 0x07, key);
            out.put(id.toByteArray());
        }
        else {
            rare(out, key, value);
        }
    }

    private static void rare(WriteBuffer out, byte[] key, Object value) {
        if (value instanceof Decimal128 decimal) {
            head(out, (byte) 0x13, key);
            out.putLong(Long.reverseBytes(decimal.getLow()));
            out.putLong(Long.reverseBytes(decimal.getHigh()));
        }
        else if (value instanceof BinData binary) {
            head(out, (byte) 0x05, key);
            out.putInt(Integer.reverseBytes(binary.getData().length));
            out.put((byte) 0x00);
            out.put(binary.getData());
        }
        else if (value instanceof UUID uuid) {
            head(out, (byte) 0x05, key);
            out.putInt(Integer.reverseBytes(16));
            out.put((byte) 0x04);
            out.putLong(uuid.getMostSignificantBits());
            out.putLong(uuid.getLeastSignificantBits());
        }
        else if (value instanceof LegacyUUID legacy) {
            head(out, (byte) 0x05, key);
            out.putInt(Integer.reverseBytes(16));
            out.put((byte) 0x03);
            out.putLong(Long.reverseBytes(legacy.getUuid().getMostSignificantBits()));
            out.putLong(Long.reverseBytes(legacy.getUuid().getLeastSignificantBits()));
        }
        else if (value instanceof BsonTimestamp timestamp) {
            head(out, (byte) 0x11, key);
            out.putLong(Long.reverseBytes(timestamp.getValue()));
        }
        else if (value instanceof BsonRegularExpression regex) {
            head(out, (byte) 0x0B, key);
            cString(out, regex.getPattern());
            cString(out, regex.getOptions());
        }
        else if (value instanceof MinKey) {
            head(out, (byte) 0xFF, key);
        }
        else if (value instanceof MaxKey) {
            head(out, (byte) 0x7F, key);
        }
        else if (value instanceof BsonJavaScript code) {
            head(out, (byte) 0x0D, key);
            string(out, code.getCode());
        }
        else {
            throw NotExact.INSTANCE; // Missing, sets, other maps, anything unknown
        }
    }

    private static void head(WriteBuffer out, byte type, byte[] key) {
        out.put(type);
        out.put(key);
        out.put((byte) 0);
    }

    private static void string(WriteBuffer out, String string) {
        byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
        out.putInt(Integer.reverseBytes(bytes.length + 1));
        out.put(bytes);
        out.put((byte) 0);
    }

    private static void cString(WriteBuffer out, String string) {
        out.put(string.getBytes(StandardCharsets.UTF_8));
        out.put((byte) 0);
    }
}
