package dk.servicepuls.testing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import dk.servicepuls.embeddedstore.CollectionScan;
import dk.servicepuls.embeddedstore.MemoryStoreBackend;
import dk.servicepuls.embeddedstore.ScanGuard;

/**
 * One in-memory MongoDB-wire store per test JVM, shared by all contexts; each context gets its own database, so
 * tests stay apart without paying for a new server each time.
 * <p>
 * Queries by {@code _id} (also with further criteria, such as a version guard) are index lookups; every other
 * query scans its collection and is recorded by the {@link #scanGuard()}, by its shape only. A test can assert on
 * what its own database saw, e.g. "after streaming N events, no scan touched a collection holding more than K
 * documents": {@code assertThat(EmbeddedStore.scansIn(uri)).filteredOn(s -> s.largestCollection() > K).isEmpty()}.
 */
public final class EmbeddedStore {

    private static final ScanGuard scanGuard = ScanGuard.recording();

    private static MongoServer server;

    private static InetSocketAddress address;

    private EmbeddedStore() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryStoreBackend(scanGuard));
            server.bind("localhost", 0);
            address = server.getLocalAddress();
            // no shutdown hook: it raced the contexts' own, and a relay draining its outbox on close then waited 30 s
            // (the driver's server selection) for a store already gone; the store is in memory and ends with the JVM
        }
        return "mongodb://localhost:" + address.getPort() + "/" + database;
    }

    public static String freshUri(String prefix) {
        return uri(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * The guard of the shared store: what it recorded, across all databases; its policy (e.g.
     * {@code ScanPolicy.failAbove(1000)}) applies to every test in this JVM, so set it back when done.
     */
    public static ScanGuard scanGuard() {
        return scanGuard;
    }

    /** The collection scans of one database, given by its name or by a {@link #uri} / {@link #freshUri} of it. */
    public static List<CollectionScan> scansIn(String uriOrDatabase) {
        return scanGuard.scansIn(databaseOf(uriOrDatabase));
    }

    private static String databaseOf(String uriOrDatabase) {
        if (!uriOrDatabase.startsWith("mongodb://")) {
            return uriOrDatabase;
        }
        String path = uriOrDatabase.substring(uriOrDatabase.indexOf('/', "mongodb://".length()) + 1);
        int options = path.indexOf('?');
        return options < 0 ? path : path.substring(0, options);
    }

}
