package dk.servicepuls.embeddedstore;

import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in an MVStore map whose keys and positions are {@link StoredKeyType}s, where the library's
 * own H2 index lets MVStore Java-serialise them.
 */
final class FileStoreUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Object, Object> map;

    FileStoreUniqueIndex(MVMap<Object, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return this.map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return this.map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return (Iterable) this.map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return this.map.get(keyValue);
    }

    @Override
    public long getCount() {
        return this.map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return this.map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

}
