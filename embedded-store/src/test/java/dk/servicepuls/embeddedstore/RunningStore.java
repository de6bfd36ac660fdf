package dk.servicepuls.embeddedstore;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** One of the two backends served on a free port, with a client: what the tests run against. */
final class RunningStore implements AutoCloseable {

    final ScanGuard scanGuard;

    private final MongoServer server;

    private final MongoClient client;

    private RunningStore(MongoBackend backend, ScanGuard scanGuard) {
        this.scanGuard = scanGuard;
        this.server = new MongoServer(backend);
        this.client = MongoClients.create(this.server.bindAndGetConnectionString());
    }

    /** {@code kind} is {@code memory} or {@code file}. */
    static RunningStore of(String kind, Path directory) {
        ScanGuard scanGuard = ScanGuard.recording();
        MongoBackend backend = kind.equals("memory") ? new MemoryStoreBackend(scanGuard)
                : FileStoreBackend.open(directory.resolve("store.mv"), scanGuard);
        return new RunningStore(backend, scanGuard);
    }

    MongoDatabase database() {
        return this.client.getDatabase("it");
    }

    @Override
    public void close() {
        this.client.close();
        this.server.shutdownNow();
    }

}
