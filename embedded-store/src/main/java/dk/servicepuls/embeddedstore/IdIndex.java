package dk.servicepuls.embeddedstore;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The {@code _id} index of a collection, served by the collection's data map, which keeps every document under its
 * {@code _id} already. The library's {@code _id} index is a second map of every {@code _id}: each insert looked the
 * key up in it twice and wrote it there too, and each commit stored its pages beside the documents' (with random
 * keys, such as ingested events' identifiers, one page per document written).
 * <p>
 * The index finds keys by value, the data map by their stored form: an {@code _id} holding a number (1, 1L and 1.0
 * are one key to the index) or a null is not found in the data map by the index's key. Those {@code _id}s are kept in
 * a small map of their own as well ({@link #valuedIds}, index key to the document's position), as every {@code _id}
 * was before; the others, the strings, ObjectIds and documents of them that the platform uses, live only in the data
 * map.
 */
final class IdIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object, ?> documents;

    private final MVMap<Object, Object> valuedIds;

    IdIndex(MVMap<Object, ?> documents, MVMap<Object, Object> valuedIds, String name, List<IndexKey> keys) {
        super(name, keys, false);
        this.documents = documents;
        this.valuedIds = valuedIds;
    }

    /**
     * Keeps the {@code _id}s that the data map cannot find by value: a file whose {@code _id} index was another
     * kind of map (the plain backend's) gets them from its documents once.
     */
    void keepValuedIdsOf(Iterable<Object> storedIds) {
        for (Object stored : storedIds) {
            KeyValue key = new KeyValue(List.of(stored)).normalized();
            if (foundByValueOnly(key)) {
                valuedIds.putIfAbsent(key, Missing.ofNullable(stored));
            }
        }
    }

    /** The library checks every key before it adds a document and again in here; the data map already holds it. */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : getKeyValues(document)) {
            if (!putKeyPosition(key, position)) {
                throw new IllegalStateException("The _id of a new document is taken");
            }
        }
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return !foundByValueOnly(key) || valuedIds.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return foundByValueOnly(key) ? valuedIds.remove(key) : getPosition(key);
    }

    @Override
    protected Object getPosition(KeyValue key) {
        if (foundByValueOnly(key)) {
            return valuedIds.get(key);
        }
        // the stored key itself: a position must equal the one the collection's other indexes keep
        Object stored = documents.ceilingKey(key.get(0));
        return stored != null && StoredKeyType.INSTANCE.compare(stored, key.get(0)) == 0 ? stored : null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return () -> documents.keySet().stream()
                .<Entry<KeyValue, Object>>map(stored -> new AbstractMap.SimpleImmutableEntry<>(
                        new KeyValue(List.of(stored)).normalized(), stored))
                .iterator();
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    private static boolean foundByValueOnly(KeyValue key) {
        return key.size() != 1 || !storedAsGiven(key.get(0));
    }

    /** Whether the index's (normalised) key is also the data map's: no number and no null anywhere in it. */
    private static boolean storedAsGiven(Object value) {
        if (value == null || value instanceof Missing || value instanceof Number) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(IdIndex::storedAsGiven);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().allMatch(IdIndex::storedAsGiven);
        }
        return true;
    }
}
