package dk.servicepuls.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running inside this JVM: one combined broker + controller KRaft node with a
 * static single-voter quorum, its logs under a directory that survives restarts.
 * <p>
 * The first start formats the log directory (a fresh cluster id is generated); every later start finds
 * {@code meta.properties} there and reuses it, so topics, records and committed offsets are kept.
 * <p>
 * Built on Kafka's internal server API ({@link KafkaRaftServer}, {@link Formatter}) of the Kafka version that
 * Spring Boot manages (4.1.2); check this class when that version moves.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String META_PROPERTIES = "meta.properties";
    /**
     * Our own lock, taken before Kafka touches the directory. Kafka's {@code .lock} is taken by the broker's log
     * manager only after the controller's Raft client has opened the metadata log, so a second instance on the same
     * directory would write into the first one's metadata log before failing (seen: a corrupt record and a halted JVM).
     */
    static final String INSTANCE_LOCK = "servicepuls-local.lock";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final int controllerPort;
    private final Path logDir;
    private final FileLock instanceLock;
    private boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, int port, int controllerPort, String clusterId, Path logDir,
            FileLock instanceLock) {
        this.server = server;
        this.instanceLock = instanceLock;
        this.bootstrapServers = "localhost:" + port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.logDir = logDir;
    }

    /**
     * Starts the broker on {@code localhost:port}; the controller listener gets a free port picked now (the quorum
     * is static and stores no endpoint, so it may differ from one start to the next).
     */
    public static LocalKafkaBroker start(Path logDir, int port) {
        return start(logDir, port, FreePorts.find());
    }

    /**
     * Starts the broker on {@code localhost:port} with its controller listener on {@code localhost:controllerPort}.
     * Returns once the broker is unfenced and serves clients.
     */
    public static LocalKafkaBroker start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, Map.of());
    }

    /** The same, with broker settings over the local mode's (tests: sign-in and ACLs as the compose pilot has them). */
    static LocalKafkaBroker start(Path logDir, int port, int controllerPort, Map<String, String> overrides) {
        long started = System.nanoTime();
        Path dir = logDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create Kafka log directory " + dir, ex);
        }

        FileLock lock = lockInstance(dir);
        String clusterId;
        boolean formatted;
        KafkaRaftServer server;
        try {
            Properties properties = brokerProperties(dir, port, controllerPort);
            properties.putAll(overrides);
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            clusterId = readClusterId(dir);
            formatted = clusterId == null;
            if (formatted) {
                clusterId = format(config, dir);
            }
            server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            }
            catch (Exception ex) { // Scala code may throw checked exceptions undeclared
                shutdownQuietly(server);
                throw new IllegalStateException("Kafka broker failed to start on localhost:" + port + " (log dir "
                        + dir + ")", ex);
            }
        }
        catch (RuntimeException | Error ex) {
            release(lock);
            throw ex;
        }
        catch (Exception ex) {
            release(lock);
            throw new IllegalStateException("Kafka broker failed to start on localhost:" + port, ex);
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Kafka broker ready on localhost:{} (controller localhost:{}, cluster {}, {} log dir {}) in {} ms",
                port, controllerPort, clusterId, formatted ? "formatted new" : "reused", dir, millis);
        return new LocalKafkaBroker(server, port, controllerPort, clusterId, dir, lock);
    }

    /** {@code localhost:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return this.bootstrapServers;
    }

    /** The cluster id kept in {@code meta.properties} of the log directory. */
    public String clusterId() {
        return this.clusterId;
    }

    /** The port the controller listener was bound to on this start. */
    public int controllerPort() {
        return this.controllerPort;
    }

    /** Shuts the broker and controller down (controlled shutdown) and waits until they have stopped. */
    @Override
    public synchronized void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        long started = System.nanoTime();
        try {
            this.server.shutdown();
            this.server.awaitShutdown();
        }
        finally {
            release(this.instanceLock);
        }
        log.info("Kafka broker on {} stopped in {} ms (log dir {})", this.bootstrapServers,
                (System.nanoTime() - started) / 1_000_000, this.logDir);
    }

    /** The broker configuration; every key set here is a deliberate choice for one local node. */
    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        // one combined KRaft node with a static quorum of itself
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://localhost:" + port);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // a single replica of everything
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");

        // services declare their topics (partitions, retention); no topic appears by accident
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");

        // after a hard kill the controller keeps the dead broker's registration until its session times out, and
        // the restarted broker is refused (DuplicateBrokerRegistrationException) until then: 9 s by default
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "1000");

        // small footprint for a laptop or a 2-core CI runner
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.alter.log.dirs.threads", "1");
        p.put("group.coordinator.threads", "1");
        p.put("share.coordinator.threads", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        Properties properties = new Properties();
        properties.putAll(p);
        return properties;
    }

    /** The cluster id in {@code meta.properties}, or {@code null} when the directory has never been formatted. */
    static String readClusterId(Path logDir) {
        Path metaProperties = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(metaProperties)) {
            return null;
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + metaProperties, ex);
        }
        String clusterId = meta.getProperty("cluster.id");
        String nodeId = meta.getProperty("node.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException(metaProperties + " has no cluster.id; move the directory away to start over");
        }
        if (!String.valueOf(NODE_ID).equals(nodeId)) {
            throw new IllegalStateException(metaProperties + " belongs to node " + nodeId + ", not " + NODE_ID);
        }
        return clusterId;
    }

    private static String format(KafkaConfig config, Path logDir) {
        String clusterId = Uuid.randomUuid().toString();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setHasDynamicQuorum(false)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(false);
        try {
            formatter.run();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot format Kafka log directory " + logDir, ex);
        }
        log.debug("Formatted Kafka log directory {} for new cluster {}", logDir, clusterId);
        return clusterId;
    }

    private static FileLock lockInstance(Path logDir) {
        Path lockFile = logDir.resolve(INSTANCE_LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        }
        catch (OverlappingFileLockException ex) {
            // held by this JVM: fall through to the error below
        }
        catch (IOException ex) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + lockFile, ex);
        }
        closeQuietly(channel);
        throw new IllegalStateException("Kafka log directory " + logDir
                + " is in use by another local broker (this process or another one)");
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        }
        catch (IOException ex) {
            log.debug("Could not release {}", INSTANCE_LOCK, ex);
        }
        finally {
            closeQuietly(lock.channel());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ex) {
                log.debug("Could not close {}", INSTANCE_LOCK, ex);
            }
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        }
        catch (Exception ex) {
            log.warn("Kafka broker did not shut down cleanly after a failed start", ex);
        }
    }

}
