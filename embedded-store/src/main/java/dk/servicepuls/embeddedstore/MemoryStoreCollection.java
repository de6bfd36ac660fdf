package dk.servicepuls.embeddedstore;

import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** An in-memory collection that serves queries from its unique indexes where it can and guards its scans. */
final class MemoryStoreCollection extends MemoryCollection {

    private final Supplier<ScanGuard> scanGuard;

    MemoryStoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry, Supplier<ScanGuard> scanGuard) {
        super(database, collectionName, options, cursorRegistry);
        this.scanGuard = scanGuard;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        IndexSelection.Candidates<Integer> candidates = IndexSelection.candidates(getIndexes(), query);
        if (candidates != null) {
            return matchDocuments(candidates.residual(), candidates.positions(), orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
        }
        CollectionScans.beforeScan(this.scanGuard.get(), this, query, orderBy);
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        return LeadingMatch.read(this, super::queryAllAsStream);
    }

}
