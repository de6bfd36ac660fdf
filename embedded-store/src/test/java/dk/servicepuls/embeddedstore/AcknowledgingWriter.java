package dk.servicepuls.embeddedstore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

/**
 * The child process of {@link AcknowledgedWritesSurviveAKilledProcessTests}: writes to a store file over the wire,
 * prints {@code ACK n} once every write is acknowledged (the single inserts from four threads at once), and then waits to be killed.
 */
public final class AcknowledgingWriter {

    static final String ACK = "ACK ";
    static final int GROUPED = 300;

    private AcknowledgingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int singles = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        FileStoreBackend backend = FileStoreBackend.open(file, ScanGuard.recording());
        MongoServer server = new MongoServer(backend);
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        MongoCollection<Document> events = client.getDatabase("app").getCollection("events");
        // four writers at once, so that commands finish while another's commit runs and share the next one
        int writers = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<?>> written = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            written.add(pool.submit(() -> {
                for (int i = writer; i < singles; i += writers) {
                    events.insertOne(new Document("_id", "single-" + i).append("version", 0));
                }
            }));
        }
        for (java.util.concurrent.Future<?> writes : written) {
            writes.get();
        }
        pool.shutdown();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            documents.add(new Document("_id", "batch-" + i).append("version", 0));
        }
        events.insertMany(documents);
        events.updateOne(Filters.and(Filters.eq("_id", "single-0"), Filters.eq("version", 0)),
                Updates.set("version", 1));
        events.deleteOne(Filters.eq("_id", "batch-0"));
        // a consumer's batch: its writes unjournaled, then one fsync before it is acknowledged
        MongoCollection<Document> grouped = events.withWriteConcern(WriteConcern.W1.withJournal(false));
        for (int i = 0; i < GROUPED; i++) {
            grouped.insertOne(new Document("_id", "grouped-" + i).append("version", 0));
        }
        client.getDatabase("app").runCommand(new Document("fsync", 1));
        System.out.println(ACK + (singles + batch - 1));
        System.out.flush();
        // no close, no shutdown hook of ours: the test kills this process with everything still open
        System.in.read();
    }

}
