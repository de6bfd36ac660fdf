package dk.servicepuls.embeddedstore;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets an aggregation that starts with {@code $match} read only what that filter selects. The library runs every
 * pipeline over the whole collection ({@code queryAllAsStream}), so {@code countDocuments(filter)} (an aggregation
 * of {@code $match} and {@code $group}) was a full scan even for {@code _id}. While the aggregate command runs, the
 * filter is handed to the collection, which then answers {@code queryAllAsStream} like a query: by index where one
 * serves, otherwise as a scan that the guard sees with the filter's shape. The {@code $match} stage still runs, so
 * the result is unchanged.
 */
final class LeadingMatch {

    private static final ThreadLocal<Hint> CURRENT = new ThreadLocal<>();

    private LeadingMatch() {
    }

    /**
     * Runs a command of {@code database}; an {@code aggregate} with its leading {@code $match}, if any, handed down.
     */
    static <T> T during(String database, String commandName, Document aggregateCommand, Supplier<T> command) {
        if (!commandName.equalsIgnoreCase("aggregate")) {
            return command.get();
        }
        Document filter = leadingFilter(aggregateCommand);
        Object collection = aggregateCommand.get("aggregate");
        if (filter == null || !(collection instanceof String name)) {
            return command.get();
        }
        CURRENT.set(new Hint(database + "." + name, filter));
        try {
            return command.get();
        }
        finally {
            CURRENT.remove();
        }
    }

    /**
     * What a collection's {@code queryAllAsStream} returns: the documents the pending {@code $match} selects, or all
     * when none is pending for this collection. A hint serves once, so a second read of the same collection in the
     * same pipeline sees everything.
     */
    static Stream<Document> read(MongoCollection<?> collection, Supplier<Stream<Document>> everything) {
        Hint hint = CURRENT.get();
        if (hint == null || !hint.collection().equals(collection.getFullName())) {
            return everything.get();
        }
        CURRENT.remove();
        // wrapped in $query, so that a filter on a field named "query" is not taken for the legacy wrapper
        QueryParameters parameters = new QueryParameters(new Document("$query", hint.filter()), 0, 0);
        return StreamSupport.stream(collection.handleQuery(parameters).spliterator(), false);
    }

    private static Document leadingFilter(Document aggregateCommand) {
        if (aggregateCommand.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.size() == 1
                && first.get("$match") instanceof Document filter) {
            return filter;
        }
        return null;
    }

    private record Hint(String collection, Document filter) {
    }

}
