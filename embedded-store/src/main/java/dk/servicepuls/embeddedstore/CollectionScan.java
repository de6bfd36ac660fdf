package dk.servicepuls.embeddedstore;

/**
 * What the {@link ScanGuard} knows about the full collection scans of one query shape in one collection.
 *
 * @param database the database
 * @param collection the collection
 * @param shape the query's field names and operators, values replaced by {@code ?}, e.g.
 * {@code {status: {$in: ?}} sort {createdAt}}
 * @param largestCollection the most documents the collection held when a query of this shape scanned it
 * @param times how often a query of this shape scanned the collection
 */
public record CollectionScan(String database, String collection, String shape, int largestCollection, long times) {

    CollectionScan again(int documents) {
        return new CollectionScan(this.database, this.collection, this.shape,
                Math.max(this.largestCollection, documents), this.times + 1);
    }

}
