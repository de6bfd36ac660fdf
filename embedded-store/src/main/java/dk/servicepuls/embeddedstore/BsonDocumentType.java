package dk.servicepuls.embeddedstore;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How documents are kept in MVStore: as BSON, behind a one-byte tag. The plain H2 backend lets MVStore
 * Java-serialise them (its {@link ObjectDataType}), which is slow to write and, worse, to read. Every value read
 * without the tag is read the old way, so a file written by the plain backend opens as it is and its pages turn
 * into BSON as they are rewritten; a document that BSON cannot give back exactly ({@link PageBson.NotExact}) is still
 * written the old way. The BSON is written by {@link PageBson}, read by the library's decoder.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Not one of {@link ObjectDataType}'s type tags (0 to 119). */
    private static final byte BSON_TAG = (byte) 0xF1;

    private final ObjectDataType javaSerialised = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return MemoryEstimate.of(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        int start = buffer.position();
        try {
            buffer.put(BSON_TAG);
            PageBson.write(buffer, document);
        }
        catch (PageBson.NotExact notExact) {
            buffer.position(start);
            this.javaSerialised.write(buffer, document);
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return (Document) this.javaSerialised.read(buffer);
        }
        buffer.get();
        int length = littleEndianInt(buffer, buffer.position()); // BSON's own length prefix
        ByteBuf bson;
        if (buffer.hasArray()) {
            bson = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        }
        else {
            byte[] copy = new byte[length];
            buffer.duplicate().get(copy);
            bson = Unpooled.wrappedBuffer(copy);
        }
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + length);
        return document;
    }

    private static int littleEndianInt(ByteBuffer buffer, int at) {
        return (buffer.get(at) & 0xFF) | (buffer.get(at + 1) & 0xFF) << 8 | (buffer.get(at + 2) & 0xFF) << 16
                | (buffer.get(at + 3) & 0xFF) << 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

}
