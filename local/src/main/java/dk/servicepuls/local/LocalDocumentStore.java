package dk.servicepuls.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import dk.servicepuls.embeddedstore.FileStoreBackend;
import dk.servicepuls.embeddedstore.ScanGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible store inside this JVM: mongo-java-server with its H2 (MVStore) backend on one file
 * that survives restarts, as embedded-store's {@link FileStoreBackend} extends it (BSON-encoded documents, lookups
 * by {@code _id} with further criteria served from the index). No replica set, no transactions and no change
 * streams (the oplog is not enabled).
 * <p>
 * The store commits to the file after every write command, before acknowledging it: a process that is killed hard
 * keeps every acknowledged write (the OS page cache holds it; there is no fsync, so a power loss may not). Every
 * full collection scan is logged as a WARN line, at most once a minute per collection and query shape (field names
 * only, never values). Only one process at a time can open the file (MVStore locks it).
 */
public final class LocalDocumentStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDocumentStore.class);

    private static final Duration SCAN_WARNING_INTERVAL = Duration.ofMinutes(1);

    private final MongoServer server;
    private final FileStoreBackend backend;
    private final String connectionString;
    private final Path file;
    private boolean closed;

    private LocalDocumentStore(MongoServer server, FileStoreBackend backend, int port, Path file) {
        this.server = server;
        this.backend = backend;
        this.connectionString = "mongodb://localhost:" + port;
        this.file = file;
    }

    /** Opens (or creates) the store file and serves it on {@code localhost:port}. */
    public static LocalDocumentStore start(Path file, int port) {
        long started = System.nanoTime();
        Path storeFile = file.toAbsolutePath().normalize();
        try {
            Path parent = storeFile.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the directory of " + storeFile, ex);
        }
        boolean existed = Files.exists(storeFile);

        FileStoreBackend backend;
        try {
            backend = FileStoreBackend.open(storeFile, ScanGuard.warningEvery(SCAN_WARNING_INTERVAL));
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("Cannot open the document store file " + storeFile
                    + " (is another local instance running on the same data folder?)", ex);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("localhost", port);
        }
        catch (Exception ex) { // Netty rethrows a java.net.BindException without declaring it
            try {
                server.shutdownNow();
            }
            finally {
                closeBackend(backend);
            }
            throw new IllegalStateException("Document store cannot listen on localhost:" + port, ex);
        }

        LocalDocumentStore store = new LocalDocumentStore(server, backend, port, storeFile);
        log.info("Document store ready on {} ({} file {}) in {} ms", store.connectionString,
                existed ? "reused" : "new", storeFile, (System.nanoTime() - started) / 1_000_000);
        return store;
    }

    /** {@code mongodb://localhost:port}. */
    public String connectionString() {
        return this.connectionString;
    }

    /** Commits what has been written so far to the file (each write command already commits; this is for safety). */
    public void flush() {
        this.backend.commit();
    }

    /** Stops listening, closes client connections and closes the file (flushing it). */
    @Override
    public synchronized void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        try {
            this.server.shutdownNow();
        }
        finally {
            closeBackend(this.backend);
        }
        log.info("Document store on {} stopped (file {}, {} commits)", this.connectionString, this.file,
                this.backend.commits());
    }

    /** The full collection scans this store has seen (by shape, never values), and the policy applied to them. */
    public ScanGuard scanGuard() {
        return this.backend.scanGuard();
    }

    private static void closeBackend(FileStoreBackend backend) {
        if (!backend.getMvStore().isClosed()) {
            backend.close();
        }
    }

}
