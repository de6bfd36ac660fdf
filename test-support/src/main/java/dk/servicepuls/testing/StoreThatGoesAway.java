package dk.servicepuls.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import dk.servicepuls.embeddedstore.FileStoreBackend;
import dk.servicepuls.embeddedstore.ScanGuard;

/**
 * The embedded store on a file of the test's, on a port of its own, that a test can take away under a running service
 * and bring back on the same file and port: a store outage as the service sees it.
 */
public final class StoreThatGoesAway implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    public StoreThatGoesAway(Path file) {
        this.file = file;
        this.server = serve(file, 0);
        this.port = server.getLocalAddress().getPort();
    }

    /** A connection string with a short server selection, so that a store that is away is noticed in seconds. */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000";
    }

    /** Closes every connection and stops listening, as a crashed or unreachable store would. */
    public void goAway() {
        server.shutdownNow();
    }

    /** Serves the same file on the same port again. */
    public void comeBack() {
        server = serve(file, port);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static MongoServer serve(Path file, int port) {
        MongoServer server = new MongoServer(FileStoreBackend.open(file, ScanGuard.recording()));
        server.bind(new InetSocketAddress("localhost", port));
        return server;
    }
}
