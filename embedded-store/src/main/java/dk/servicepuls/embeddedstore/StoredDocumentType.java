package dk.servicepuls.embeddedstore;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How documents are kept in MVStore: as BSON, behind a one-byte tag, copied into and out of pages as the bytes that
 * {@link StoredDocument} holds. The plain H2 backend lets MVStore Java-serialise them (its {@link ObjectDataType}),
 * which is slow to write and, worse, to read. Every value read without the tag is read the old way, so a file written
 * by the plain backend opens as it is and its pages turn into BSON as they are rewritten; a document that BSON cannot
 * give back exactly ({@link PageBson.NotExact}) is still written the old way.
 */
final class StoredDocumentType extends BasicDataType<StoredDocument> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    /** Not one of {@link ObjectDataType}'s type tags (0 to 119). */
    private static final byte BSON_TAG = (byte) 0xF1;

    private final ObjectDataType javaSerialised = new ObjectDataType();

    private StoredDocumentType() {
    }

    @Override
    public int getMemory(StoredDocument document) {
        return document.memory();
    }

    @Override
    public void write(WriteBuffer buffer, StoredDocument stored) {
        byte[] bson = stored.bson();
        if (bson != null) {
            buffer.put(BSON_TAG).put(bson);
            return;
        }
        int start = buffer.position();
        try {
            buffer.put(BSON_TAG);
            PageBson.write(buffer, stored.keptDocument());
        }
        catch (PageBson.NotExact notExact) {
            buffer.position(start);
            this.javaSerialised.write(buffer, stored.keptDocument());
        }
    }

    @Override
    public StoredDocument read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return StoredDocument.kept((Document) this.javaSerialised.read(buffer));
        }
        buffer.get();
        byte[] bson = new byte[littleEndianInt(buffer, buffer.position())]; // BSON's own length prefix
        buffer.get(bson);
        return StoredDocument.ofBson(bson);
    }

    private static int littleEndianInt(ByteBuffer buffer, int at) {
        return (buffer.get(at) & 0xFF) | (buffer.get(at + 1) & 0xFF) << 8 | (buffer.get(at + 2) & 0xFF) << 16
                | (buffer.get(at + 3) & 0xFF) << 24;
    }

    @Override
    public StoredDocument[] createStorage(int size) {
        return new StoredDocument[size];
    }

}
