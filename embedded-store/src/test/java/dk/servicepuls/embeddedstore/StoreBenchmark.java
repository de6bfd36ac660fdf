package dk.servicepuls.embeddedstore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/**
 * Not a test: a throughput harness, one client over the wire. {@code StoreBenchmark KIND DOCUMENTS [IDS]} with KIND
 * one of {@code plain-h2}, {@code file-store}, {@code plain-memory}, {@code memory-store} and IDS {@code string}
 * (default), {@code document} (a two-field {@code _id}, as ingested events have, numbered in order) or {@code random}
 * (the same with a random UUID, as senders give events: inserts land all over the key order); prints documents per second for
 * insertMany(1000) while filling, then insertOne, find by {@code _id} (random, over the whole collection) and bulk
 * writes of 100 updates of random documents, as a consumer's poll makes.
 */
public final class StoreBenchmark {

    private static final long WINDOW_NANOS = 10_000_000_000L;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int documents = Integer.parseInt(args[1]);
        String ids = args.length > 2 ? args[2] : "string";
        Path directory = Files.createTempDirectory("store-benchmark");
        Path file = directory.resolve("store.mv");
        MongoBackend backend = switch (kind) {
            case "plain-h2" -> new H2Backend(file.toString());
            case "file-store" -> FileStoreBackend.open(file, ScanGuard.recording());
            case "plain-memory" -> new MemoryBackend();
            case "memory-store" -> new MemoryStoreBackend(ScanGuard.recording());
            default -> throw new IllegalArgumentException(kind);
        };
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("docs");
            String padding = "x".repeat(800);
            long started = System.nanoTime();
            for (int offset = 0; offset < documents; offset += 1000) {
                List<Document> batch = new ArrayList<>(1000);
                for (int i = offset; i < offset + 1000; i++) {
                    batch.add(document(id(i, ids), i, padding));
                }
                collection.insertMany(batch);
            }
            report(kind, "insertMany(1000)", documents, System.nanoTime() - started);

            int next = documents;
            started = System.nanoTime();
            while (System.nanoTime() - started < WINDOW_NANOS) {
                collection.insertOne(document(id(next, ids), next, padding));
                next++;
            }
            report(kind, "insertOne", next - documents, System.nanoTime() - started);

            Random random = new Random(42);
            int finds = 0;
            started = System.nanoTime();
            while (System.nanoTime() - started < WINDOW_NANOS) {
                if (collection.find(Filters.eq("_id", id(random.nextInt(documents), ids))).first() == null) {
                    throw new IllegalStateException("missing document");
                }
                finds++;
            }
            report(kind, "find by _id", finds, System.nanoTime() - started);

            // a consumer's poll: 100 documents at random each get a field pushed, in one unordered bulk write
            int updated = 0;
            started = System.nanoTime();
            while (System.nanoTime() - started < WINDOW_NANOS) {
                List<UpdateOneModel<Document>> poll = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    poll.add(new UpdateOneModel<>(Filters.eq("_id", id(random.nextInt(documents), ids)),
                            Updates.combine(Updates.inc("version", 1), Updates.push("facts", new Document("at", updated + i)))));
                }
                collection.bulkWrite(poll, new BulkWriteOptions().ordered(false));
                updated += poll.size();
            }
            report(kind, "bulk update(100)", updated, System.nanoTime() - started);
        }
        finally {
            server.shutdownNow();
            backend.close();
            if (Files.exists(file)) {
                System.out.printf("%s file size %d MB%n", kind, Files.size(file) / 1_000_000);
                Files.delete(file);
            }
            Files.delete(directory);
        }
    }

    private static Object id(int i, String ids) {
        return switch (ids) {
            case "document" -> new Document("source", "urn:bench:" + (i % 7)).append("id", "doc-" + i);
            // as ingested events have: a sender's random identifier, so inserts land all over the key order
            case "random" -> new Document("source", "urn:bench:" + (i % 7))
                    .append("id", UUID.nameUUIDFromBytes(("doc-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            case "string" -> "doc-" + i;
            default -> throw new IllegalArgumentException(ids);
        };
    }

    private static Document document(Object id, int i, String padding) {
        return new Document("_id", id).append("version", 0).append("number", i)
                .append("person", new Document("name", "name " + i).append("tags", List.of("a", "b", "c")))
                .append("padding", padding);
    }

    private static void report(String kind, String operation, int count, long nanos) {
        System.out.printf("%-13s %-17s %,9.0f docs/s (%d in %.1f s)%n", kind, operation, count / (nanos / 1e9),
                count, nanos / 1e9);
    }

}
