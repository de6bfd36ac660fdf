package dk.servicepuls.embeddedstore;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;

import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose collections keep their documents as BSON ({@link StoredDocument}) under keys MVStore
 * orders without serialising them ({@link StoredKeyType}), whose unique indexes keep their keys the same way, and
 * whose collections are {@link FileStoreCollection}s.
 * <p>
 * A map's key type is fixed when it is first written, so these maps have names of their own. A file of the plain H2
 * backend (or of an earlier version of this store) opens as it is: each collection's documents move to the new map
 * as the collection is opened, in the same commit that removes the old map, and its indexes are built again from
 * the documents.
 */
final class FileStoreDatabase extends H2Database {

    /** The map names of {@code H2Database}, which keeps them to itself. */
    private static final String DATA_MAP_PREFIX = "databases.";

    private static final String META_MAP_PREFIX = "meta.";

    private static final String KEYED_DATA_MAP_PREFIX = "keyed-data.";

    private static final String KEYED_INDEX_MAP_PREFIX = "keyed-index.";

    /**
     * The store while the library's constructor runs: it opens the existing collections (through
     * {@link #openOrCreateCollection}) before this class's fields are assigned.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore mvStore;

    private final Supplier<ScanGuard> scanGuard;

    private FileStoreDatabase(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry,
            Supplier<ScanGuard> scanGuard) {
        super(databaseName, mvStore, cursorRegistry);
        this.mvStore = mvStore;
        this.scanGuard = scanGuard;
    }

    static FileStoreDatabase open(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry,
            Supplier<ScanGuard> scanGuard) {
        OPENING.set(mvStore);
        try {
            return new FileStoreDatabase(databaseName, mvStore, cursorRegistry, scanGuard);
        }
        finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = store();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, StoredDocument> dataMap = store.openMap(KEYED_DATA_MAP_PREFIX + fullName, dataMapBuilder());
        String legacyName = DATA_MAP_PREFIX + fullName;
        if (store.hasMap(legacyName)) {
            MVMap<Object, StoredDocument> legacy = store.openMap(legacyName,
                    new MVMap.Builder<Object, StoredDocument>().valueType(StoredDocumentType.INSTANCE));
            if (dataMap.isEmpty()) {
                dataMap.putAll(legacy);
            }
            store.removeMap(legacy);
        }
        MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + fullName);
        return new FileStoreCollection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry,
                this::scanGuard);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore store = store();
        String legacyName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (store.hasMap(legacyName)) {
            // an empty index is built again from the collection's documents when it is added
            store.removeMap(legacyName);
        }
        String mapName = indexMapName(collectionName, indexName);
        boolean kept = store.hasMap(mapName);
        MVMap<Object, Object> map = store.openMap(mapName,
                new MVMap.Builder<Object, Object>().keyType(StoredKeyType.INSTANCE).valueType(StoredKeyType.INSTANCE));
        if (keys.size() != 1 || !keys.get(0).getKey().equals("_id")) {
            return new FileStoreUniqueIndex(map, indexName, keys, sparse);
        }
        // an existing map of this name holds every _id (as this store kept them before), the ones it needs among them
        MVMap<Object, StoredDocument> documents = store.openMap(KEYED_DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName),
                dataMapBuilder());
        IdIndex index = new IdIndex(documents, map, indexName, keys);
        if (!kept) {
            index.keepValuedIdsOf(documents.keySet());
        }
        return index;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        removeMapIfPresent(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        removeMapIfPresent(KEYED_DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldFullName = collection.getFullName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        if (this.mvStore.hasMap(KEYED_DATA_MAP_PREFIX + oldFullName)) {
            this.mvStore.renameMap(this.mvStore.openMap(KEYED_DATA_MAP_PREFIX + oldFullName, dataMapBuilder()),
                    KEYED_DATA_MAP_PREFIX + getFullCollectionNamespace(newCollectionName));
        }
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        List<String> keyedMaps = this.mvStore.getMapNames().stream()
                .filter(name -> name.startsWith(KEYED_DATA_MAP_PREFIX + getDatabaseName() + ".")
                        || name.startsWith(KEYED_INDEX_MAP_PREFIX + getDatabaseName() + "."))
                .toList();
        keyedMaps.forEach(this.mvStore::removeMap);
    }

    private String indexMapName(String collectionName, String indexName) {
        return KEYED_INDEX_MAP_PREFIX + getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    private void removeMapIfPresent(String name) {
        if (this.mvStore.hasMap(name)) {
            this.mvStore.removeMap(name);
        }
    }

    private static MVMap.Builder<Object, StoredDocument> dataMapBuilder() {
        return new MVMap.Builder<Object, StoredDocument>().keyType(StoredKeyType.INSTANCE)
                .valueType(StoredDocumentType.INSTANCE);
    }

    private MVStore store() {
        return this.mvStore != null ? this.mvStore : OPENING.get();
    }

    private ScanGuard scanGuard() {
        return this.scanGuard == null ? null : this.scanGuard.get();
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
            Oplog oplog) {
        return LeadingMatch.during(getDatabaseName(), command, query,
                () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
    }

}
