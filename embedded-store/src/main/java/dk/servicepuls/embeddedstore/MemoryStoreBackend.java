package dk.servicepuls.embeddedstore;

import java.util.Objects;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server's memory backend with {@code _id}-first (and unique-key-first) lookups and a {@link ScanGuard}
 * on every remaining collection scan: for tests. Serve it with {@code new MongoServer(backend)}.
 */
public final class MemoryStoreBackend extends MemoryBackend {

    private final ScanGuard scanGuard;

    public MemoryStoreBackend(ScanGuard scanGuard) {
        this.scanGuard = Objects.requireNonNull(scanGuard, "scanGuard");
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryStoreDatabase(databaseName, getCursorRegistry(), this::scanGuard);
    }

    public ScanGuard scanGuard() {
        return this.scanGuard;
    }

}
