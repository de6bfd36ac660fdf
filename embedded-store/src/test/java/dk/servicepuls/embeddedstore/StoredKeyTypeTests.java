package dk.servicepuls.embeddedstore;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredKeyTypeTests {

    private static final StoredKeyType TYPE = StoredKeyType.INSTANCE;

    /** Keys as documents and unique indexes hold them, with near neighbours of each kind. */
    private static List<Object> keys() {
        ObjectId objectId = new ObjectId();
        UUID uuid = UUID.randomUUID();
        List<Object> keys = new ArrayList<>(Arrays.asList(null, Missing.getInstance(), true, false,
                0, 1, -1, Integer.MAX_VALUE, 0L, 1L, Long.MIN_VALUE, 1L << 53 + 1, 0.0, -0.0, 1.0, 1.5, Double.NaN,
                Double.NEGATIVE_INFINITY, "", "a", "b", "ab", "Æblegrød", "case-7", "case-70", objectId,
                new ObjectId(objectId.toByteArray().clone()), new ObjectId(), uuid, new UUID(0, 1),
                Instant.ofEpochSecond(1_700_000_000, 5), Instant.ofEpochSecond(1_700_000_000, 6),
                Instant.ofEpochSecond(-1), new BinData(new byte[] { 1, 2 }), new BinData(new byte[] { 1, 3 }),
                Decimal128.fromNumber(new java.math.BigDecimal("1.5")), new BsonTimestamp(7L)));
        keys.add(new Document("source", "urn:a").append("id", "1"));
        keys.add(new Document("source", "urn:a").append("id", "2"));
        keys.add(new Document("source", "urn:b").append("id", "1"));
        keys.add(new Document("id", "1").append("source", "urn:a")); // same fields, other order: another key, as in BSON
        keys.add(new Document("source", "urn:a"));
        keys.add(new Document());
        keys.add(new Document("nested", new Document("x", List.of(1, "two"))).append("n", null));
        keys.add(List.of());
        keys.add(List.of("a"));
        keys.add(List.of("a", "b"));
        keys.add(Arrays.asList("a", null));
        keys.add(new KeyValue("department", "case-1"));
        keys.add(new KeyValue("department", "case-2"));
        keys.add(new KeyValue("department"));
        keys.add(new KeyValue(Arrays.asList(null, 1.0)));
        keys.add(new KeyValue(1.0, new Document("a", 1.0)));
        return keys;
    }

    @Test
    void everyKindOfKeyReadsBackEqualToWhatWasWritten() {
        for (Object key : keys()) {
            WriteBuffer buffer = new WriteBuffer();
            TYPE.write(buffer, key);
            TYPE.write(buffer, "after");
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            Object read = TYPE.read(written);
            assertThat(read).as("%s", key).isEqualTo(key);
            if (key != null && !(key instanceof List)) { // any list reads back as an ArrayList
                assertThat(read).as("class of %s", key).hasSameClassAs(key);
            }
            assertThat(TYPE.read(written)).as("the value written after %s", key).isEqualTo("after");
        }
    }

    @Test
    void twoKeysCompareAsEqualExactlyWhenTheyAreEqual() {
        List<Object> keys = keys();
        for (Object a : keys) {
            for (Object b : keys) {
                int comparison = TYPE.compare(a, b);
                assertThat(comparison == 0).as("compare(%s, %s) == 0", a, b).isEqualTo(java.util.Objects.equals(a, b)
                        && (a == null || a.getClass() == b.getClass()) && !reordered(a, b));
                assertThat(Integer.signum(comparison)).as("antisymmetric for %s and %s", a, b)
                        .isEqualTo(-Integer.signum(TYPE.compare(b, a)));
            }
        }
    }

    @Test
    void theOrderIsTransitive() {
        List<Object> keys = keys();
        for (Object a : keys) {
            for (Object b : keys) {
                for (Object c : keys) {
                    if (TYPE.compare(a, b) <= 0 && TYPE.compare(b, c) <= 0) {
                        assertThat(TYPE.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Test
    void keysOfOneKindAreInTheirNaturalOrder() {
        assertThat(TYPE.compare("case-7", "case-70")).isNegative();
        assertThat(TYPE.compare(-1, 1)).isNegative();
        assertThat(TYPE.compare(Long.MIN_VALUE, 0L)).isNegative();
        assertThat(TYPE.compare(new KeyValue("a", "case-1"), new KeyValue("a", "case-2"))).isNegative();
        assertThat(TYPE.compare(new KeyValue("a"), new KeyValue("a", "case-1"))).isNegative();
    }

    /** Documents equal as maps whose fields come in another order: BSON, and so MongoDB, keeps them apart. */
    private static boolean reordered(Object a, Object b) {
        return a instanceof Document left && b instanceof Document right
                && !new ArrayList<>(left.keySet()).equals(new ArrayList<>(right.keySet()));
    }

}
