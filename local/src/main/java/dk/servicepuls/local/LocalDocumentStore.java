package dk.servicepuls.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible store inside this JVM: mongo-java-server with its H2 (MVStore) backend on one file
 * that survives restarts. No replica set, no transactions and no change streams (the oplog is not enabled).
 * <p>
 * MVStore commits to the file in the background about once a second, not per write: {@link #close()} (and
 * {@link #flush()}) write everything, but a process that is killed hard loses what was acknowledged since the last
 * background commit. Only one process at a time can open the file (MVStore locks it).
 */
public final class LocalDocumentStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDocumentStore.class);

    private final MongoServer server;
    private final H2Backend backend;
    private final String connectionString;
    private final Path file;
    private boolean closed;

    private LocalDocumentStore(MongoServer server, H2Backend backend, int port, Path file) {
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

        H2Backend backend;
        try {
            backend = new H2Backend(storeFile.toString());
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

    /** Commits what has been written so far to the file, rather than waiting for the background commit. */
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
        log.info("Document store on {} stopped (file {})", this.connectionString, this.file);
    }

    private static void closeBackend(H2Backend backend) {
        if (!backend.getMvStore().isClosed()) {
            backend.close();
        }
    }

}
