package dk.servicepuls.embeddedstore;

import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** An in-memory database whose collections are {@link MemoryStoreCollection}s. */
final class MemoryStoreDatabase extends MemoryDatabase {

    // read lazily: the library's constructor opens the first collections before this field is set
    private final Supplier<ScanGuard> scanGuard;

    MemoryStoreDatabase(String databaseName, CursorRegistry cursorRegistry, Supplier<ScanGuard> scanGuard) {
        super(databaseName, cursorRegistry);
        this.scanGuard = scanGuard;
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new MemoryStoreCollection(this, collectionName, options, this.cursorRegistry, this::scanGuard);
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
