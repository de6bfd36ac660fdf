package dk.servicepuls.embeddedstore;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import de.bwaldvogel.mongo.backend.Missing;
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
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTests {

    private static Document everyValueType() {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add("two");
        list.add(null);
        list.add(new Document("nested", List.of(3L, 4.5)));
        return new Document("_id", new ObjectId())
                .append("string", "Æblegrød på øen")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 3.25)
                .append("nan", Double.NaN)
                .append("boolean", true)
                .append("null", null)
                .append("date", Instant.ofEpochMilli(1_767_225_600_123L))
                .append("beforeEpoch", Instant.ofEpochMilli(-86_400_001L))
                .append("decimal", Decimal128.fromNumber(new java.math.BigDecimal("12345.6789")))
                .append("binary", new BinData(new byte[] { 0, 1, 2, (byte) 0xFF }))
                .append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("timestamp", new BsonTimestamp(Instant.ofEpochSecond(1_700_000_000), 7))
                .append("minKey", MinKey.getInstance())
                .append("maxKey", MaxKey.getInstance())
                .append("code", new BsonJavaScript("function() { return 1; }"))
                .append("document", new Document("a", new Document("b", new Document("c", "deep"))))
                .append("emptyDocument", new Document())
                .append("list", list)
                .append("emptyList", List.of());
    }

    /** BsonRegularExpression has no equals of its own; it is checked on its own. */
    private static Document withRegex(Document document) {
        return document.append("regex", new BsonRegularExpression("^a.*", "i"));
    }

    private static void assertSameRegex(Document read) {
        assertThat(read.get("regex")).isInstanceOfSatisfying(BsonRegularExpression.class, regex -> {
            assertThat(regex.getPattern()).isEqualTo("^a.*");
            assertThat(regex.getOptions()).isEqualTo("i");
        });
        read.remove("regex");
    }

    private static ByteBuffer written(Object... documents) {
        WriteBuffer buffer = new WriteBuffer();
        for (Object document : documents) {
            if (document instanceof Document bsonable) {
                BsonDocumentType.INSTANCE.write(buffer, bsonable);
            }
            else {
                new ObjectDataType().write(buffer, ((Object[]) document)[0]);
            }
        }
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }

    @Test
    void everyValueTypeADocumentCanHoldComesBackEqual() {
        Document document = everyValueType();

        ByteBuffer bytes = written(withRegex(new Document(document)));
        Document read = BsonDocumentType.INSTANCE.read(bytes);

        assertSameRegex(read);
        assertThat(read).isEqualTo(document);
        assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
        assertThat(bytes.remaining()).isZero();
    }

    @Test
    void documentsWrittenOneAfterAnotherAreReadOneAfterAnother() {
        Document first = everyValueType();
        Document second = new Document("_id", 2).append("text", "second");

        ByteBuffer bytes = written(first, second);

        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(first);
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(second);
    }

    @Test
    void aDocumentBsonCannotGiveBackExactlyIsKeptJavaSerialised() {
        Document withMissing = new Document("_id", 1).append("gone", Missing.getInstance());
        Document withSet = new Document("_id", 2).append("set", new LinkedHashSet<>(List.of("a", "b")));

        ByteBuffer bytes = written(withMissing, withSet);

        assertThat(BsonDocumentType.INSTANCE.read(bytes)).containsEntry("_id", 1).hasEntrySatisfying("gone",
                gone -> assertThat(gone).isInstanceOf(Missing.class));
        Document readSet = BsonDocumentType.INSTANCE.read(bytes);
        assertThat(readSet.get("set")).isInstanceOf(LinkedHashSet.class).isEqualTo(withSet.get("set"));
    }

    @Test
    void aValueWrittenByThePlainH2BackendIsStillRead() {
        Document document = everyValueType();
        // Java serialisation gives back new MinKey / MaxKey instances, which equal nothing: the plain backend's own way
        document.remove("minKey");
        document.remove("maxKey");

        ByteBuffer bytes = written(new Object[] { document }, new Document("_id", "new"));

        Document read = BsonDocumentType.INSTANCE.read(bytes);
        for (String key : document.keySet()) {
            assertThat(read.get(key)).as(key).isEqualTo(document.get(key));
        }
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(new Document("_id", "new"));
    }

    @Test
    void bsonIsWrittenByteForByteAsTheLibraryWritesIt() {
        // past the array keys made once ("0" to "255"), and with every type BSON gives back exactly
        Document document = withRegex(everyValueType()).append("longList", IntStream.range(0, 300).boxed().toList());
        WriteBuffer buffer = new WriteBuffer();
        PageBson.write(buffer, document);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] ours = new byte[written.remaining()];
        written.get(ours);

        ByteBuf library = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, library);
        byte[] theirs = new byte[library.readableBytes()];
        library.readBytes(theirs);

        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void aValueBsonCannotGiveBackDeepInsideStillKeepsTheWholeDocumentJavaSerialised() {
        Document deep = new Document("_id", 3).append("before", "kept").append("outer",
                new Document("list", List.of(1, new Document("gone", Missing.getInstance()))));
        Document next = new Document("_id", 4).append("after", "it");

        ByteBuffer bytes = written(deep, next);

        Document read = BsonDocumentType.INSTANCE.read(bytes);
        assertThat(((Document) ((List<?>) ((Document) read.get("outer")).get("list")).get(1)).get("gone"))
                .isInstanceOf(Missing.class);
        assertThat(read.get("before")).isEqualTo("kept");
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(next);
    }

    @Test
    void datesKeepMillisecondsAsInMongoDb() {
        Instant withMicros = Instant.ofEpochSecond(1_767_225_600L, 123_456_789L);

        Document read = BsonDocumentType.INSTANCE.read(written(new Document("at", withMicros)));

        assertThat(read.get("at")).isEqualTo(Instant.ofEpochSecond(1_767_225_600L, 123_000_000L));
    }

}
