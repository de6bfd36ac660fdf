package dk.servicepuls.embeddedstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/** Hands a collection's full scan to its store's {@link ScanGuard} before it runs. */
final class CollectionScans {

    private CollectionScans() {
    }

    /**
     * @param guard {@code null} while the store is still opening (the library reads its {@code system.*}
     * collections before our fields are set); such scans are not judged
     */
    static void beforeScan(ScanGuard guard, MongoCollection<?> collection, Document query, Document orderBy) {
        if (guard == null || collection.getCollectionName().startsWith("system.")) {
            return;
        }
        guard.beforeScan(collection.getDatabaseName(), collection.getCollectionName(), QueryShape.of(query, orderBy),
                collection.count());
    }

}
