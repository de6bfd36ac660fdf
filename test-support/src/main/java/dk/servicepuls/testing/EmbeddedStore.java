package dk.servicepuls.testing;

import java.net.InetSocketAddress;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB-wire store per test JVM, shared by all contexts; each context gets its own database, so
 * tests stay apart without paying for a new server each time.
 */
public final class EmbeddedStore {

    private static MongoServer server;
    private static InetSocketAddress address;

    private EmbeddedStore() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("localhost", 0);
            address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-store-shutdown"));
        }
        return "mongodb://localhost:" + address.getPort() + "/" + database;
    }

    public static String freshUri(String prefix) {
        return uri(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
