package dk.servicepuls.embeddedstore;

import java.util.Objects;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import io.netty.channel.Channel;

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

    /** Answers {@code fsync} as the file store does; there is nothing to commit. */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return Unjournaled.isFsync(command) ? Unjournaled.fsyncAnswer()
                : super.handleCommand(channel, databaseName, command, query);
    }

    public ScanGuard scanGuard() {
        return this.scanGuard;
    }

}
