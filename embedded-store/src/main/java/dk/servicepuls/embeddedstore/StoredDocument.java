package dk.servicepuls.embeddedstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;

/**
 * A document as a collection's data map keeps it: its BSON, encoded once when the document is written. MVStore
 * writes a page with all of its values at every commit that changes one of them, and reads it with all of them on a
 * cache miss; kept as objects, every document of such a page was encoded again (on random keys a page of about forty
 * documents for each one written) and decoded again. Kept as bytes, a page is copied, and only the document asked
 * for is decoded, a fresh copy each time, so that what the library then changes in place is not the stored value.
 * <p>
 * A document that BSON cannot give back exactly ({@link PageBson.NotExact}), or one read from a file that kept it
 * Java-serialised, is kept as the document itself, as the plain backend keeps every document.
 */
final class StoredDocument {

    private static final ThreadLocal<WriteBuffer> ENCODING = ThreadLocal.withInitial(WriteBuffer::new);

    private final byte[] bson;

    private final Document kept;

    private StoredDocument(byte[] bson, Document kept) {
        this.bson = bson;
        this.kept = kept;
    }

    static StoredDocument of(Document document) {
        WriteBuffer buffer = ENCODING.get();
        buffer.clear();
        try {
            PageBson.write(buffer, document);
        }
        catch (PageBson.NotExact notExact) {
            return kept(document);
        }
        byte[] bson = new byte[buffer.position()];
        buffer.getBuffer().get(0, bson);
        return new StoredDocument(bson, null);
    }

    static StoredDocument ofBson(byte[] bson) {
        return new StoredDocument(bson, null);
    }

    static StoredDocument kept(Document document) {
        return new StoredDocument(null, document);
    }

    /** The document: decoded anew from its BSON, or the one kept. */
    Document document() {
        return this.bson == null ? this.kept : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(this.bson));
    }

    /** Its BSON, or null when it is kept as it is. */
    byte[] bson() {
        return this.bson;
    }

    /** The document kept as it is, or null when it is kept as BSON. */
    Document keptDocument() {
        return this.kept;
    }

    int memory() {
        return this.bson == null ? MemoryEstimate.of(this.kept) : 24 + this.bson.length;
    }

    @Override
    public String toString() {
        return this.bson == null ? "kept " + this.kept.keySet() : "BSON of " + this.bson.length + " bytes";
    }
}
