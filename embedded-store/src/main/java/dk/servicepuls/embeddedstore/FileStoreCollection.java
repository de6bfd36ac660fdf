package dk.servicepuls.embeddedstore;

import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/** An H2 collection that serves queries from its unique indexes where it can and guards its scans. */
final class FileStoreCollection extends H2Collection {

    private final Supplier<ScanGuard> scanGuard;

    FileStoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
            Supplier<ScanGuard> scanGuard) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.scanGuard = scanGuard;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        Iterable<Object> candidates = IndexSelection.candidates(getIndexes(), query);
        if (candidates != null) {
            return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        CollectionScans.beforeScan(this.scanGuard.get(), this, query, orderBy);
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        return LeadingMatch.read(this, super::queryAllAsStream);
    }

}
