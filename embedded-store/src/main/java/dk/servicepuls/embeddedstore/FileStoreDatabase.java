package dk.servicepuls.embeddedstore;

import java.util.function.Supplier;

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
 * An H2 database whose collections keep their documents as BSON ({@link BsonDocumentType}) and are
 * {@link FileStoreCollection}s. The maps are named as the plain H2 backend names them, so either opens the other's
 * files.
 */
final class FileStoreDatabase extends H2Database {

    /** The map names of {@code H2Database}, which keeps them to itself. */
    private static final String DATA_MAP_PREFIX = "databases.";

    private static final String META_MAP_PREFIX = "meta.";

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
        MVStore store = this.mvStore != null ? this.mvStore : OPENING.get();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + fullName);
        return new FileStoreCollection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry,
                this::scanGuard);
    }

    private ScanGuard scanGuard() {
        return this.scanGuard == null ? null : this.scanGuard.get();
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
            Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate")) {
            return LeadingMatch.during(getDatabaseName(), query,
                    () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

}
