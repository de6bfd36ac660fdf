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

class StoredDocumentTypeTests {

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
                StoredDocumentType.INSTANCE.write(buffer, StoredDocument.of(bsonable));
            }
            else if (document instanceof StoredDocument stored) {
                StoredDocumentType.INSTANCE.write(buffer, stored);
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
        Document read = StoredDocumentType.INSTANCE.read(bytes).document();

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

        assertThat(StoredDocumentType.INSTANCE.read(bytes).document()).isEqualTo(first);
        assertThat(StoredDocumentType.INSTANCE.read(bytes).document()).isEqualTo(second);
    }

    @Test
    void aDocumentBsonCannotGiveBackExactlyIsKeptJavaSerialised() {
        Document withMissing = new Document("_id", 1).append("gone", Missing.getInstance());
        Document withSet = new Document("_id", 2).append("set", new LinkedHashSet<>(List.of("a", "b")));

        ByteBuffer bytes = written(withMissing, withSet);

        assertThat(StoredDocumentType.INSTANCE.read(bytes).document()).containsEntry("_id", 1).hasEntrySatisfying("gone",
                gone -> assertThat(gone).isInstanceOf(Missing.class));
        Document readSet = StoredDocumentType.INSTANCE.read(bytes).document();
        assertThat(readSet.get("set")).isInstanceOf(LinkedHashSet.class).isEqualTo(withSet.get("set"));
    }

    @Test
    void aValueWrittenByThePlainH2BackendIsStillRead() {
        Document document = everyValueType();
        // Java serialisation gives back new MinKey / MaxKey instances, which equal nothing: the plain backend's own way
        document.remove("minKey");
        document.remove("maxKey");

        ByteBuffer bytes = written(new Object[] { document }, new Document("_id", "new"));

        Document read = StoredDocumentType.INSTANCE.read(bytes).document();
        for (String key : document.keySet()) {
            assertThat(read.get(key)).as(key).isEqualTo(document.get(key));
        }
        assertThat(StoredDocumentType.INSTANCE.read(bytes).document()).isEqualTo(new Document("_id", "new"));
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

        Document read = StoredDocumentType.INSTANCE.read(bytes).document();
        assertThat(((Document) ((List<?>) ((Document) read.get("outer")).get("list")).get(1)).get("gone"))
                .isInstanceOf(Missing.class);
        assertThat(read.get("before")).isEqualTo("kept");
        assertThat(StoredDocumentType.INSTANCE.read(bytes).document()).isEqualTo(next);
    }

    @Test
    void datesKeepMillisecondsAsInMongoDb() {
        Instant withMicros = Instant.ofEpochSecond(1_767_225_600L, 123_456_789L);

        Document read = StoredDocumentType.INSTANCE.read(written(new Document("at", withMicros))).document();

        assertThat(read.get("at")).isEqualTo(Instant.ofEpochSecond(1_767_225_600L, 123_000_000L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachReadOfAStoredDocumentIsACopyOfItsOwn() {
        StoredDocument stored = StoredDocument.of(new Document("_id", "a").append("list", new ArrayList<>(List.of(1))));

        Document first = stored.document();
        first.put("changed", true);
        ((List<Object>) first.get("list")).add(2);

        assertThat(stored.document()).isEqualTo(new Document("_id", "a").append("list", List.of(1)));
    }

    @Test
    void aDocumentIsEncodedWhenStoredAndItsBytesAreCopiedIntoEveryPageAfter() {
        Document document = everyValueType();
        StoredDocument stored = StoredDocument.of(document);
        document.put("string", "changed after it was stored");

        ByteBuffer once = written(stored);
        ByteBuffer twice = written(stored);

        assertThat(once).isEqualTo(twice);
        assertThat(StoredDocumentType.INSTANCE.read(once).document().get("string")).isEqualTo("Æblegrød på øen");
    }

    @Test
    void aDocumentReadJavaSerialisedIsWrittenAsBsonWhenItsPageIsWrittenAgain() {
        Document document = new Document("_id", 5).append("text", "old");
        StoredDocument read = StoredDocumentType.INSTANCE.read(written(new Object[] { document }));

        ByteBuffer rewritten = written(read);

        assertThat(rewritten.get(0)).isEqualTo((byte) 0xF1);
        assertThat(StoredDocumentType.INSTANCE.read(rewritten).bson()).isNotNull();
        assertThat(StoredDocumentType.INSTANCE.read(written(read)).document()).isEqualTo(document);
    }

}
