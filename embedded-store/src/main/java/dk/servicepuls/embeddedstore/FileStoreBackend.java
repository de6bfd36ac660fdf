package dk.servicepuls.embeddedstore;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 (MVStore) file backend with BSON-encoded documents, {@code _id}-first (and
 * unique-key-first) lookups, a {@link ScanGuard} on every remaining collection scan, and a commit after every
 * command that changed something.
 * <p>
 * <b>Durability.</b> MVStore's background commit (about once a second) is switched off; instead the store commits
 * once after each write command (insert, update, delete, findAndModify, a bulk write of any size, index and
 * collection changes) and before the reply goes out, so an acknowledged write survives {@code kill -9} of the JVM.
 * A write that asks for no journal (write concern {@code j: false}) is acknowledged uncommitted and stored by the
 * next commit: that of any later write that does not ask so, or an {@code fsync} command (see {@link Unjournaled}).
 * A commit writes to the file without {@code fsync}: the OS page cache keeps it across a killed process, not across
 * a power loss or kernel crash. Commands run concurrently; a commit waits until no command is halfway, so the file
 * only ever holds whole commands, and one commit covers every command that finished before it (group commit).
 * <p>
 * <b>Housekeeping.</b> MVStore's background thread, off with its commits, is also what frees and compacts chunks.
 * Every commit writes a chunk; without housekeeping the dead ones were kept for MVStore's default 45 s and the
 * partly dead ones for ever, so the file and the chunk index (rewritten on every commit) kept growing, and with them
 * the cost of each commit. Here dead chunks are freed after {@link #RETENTION_MILLIS} and, while the chunks as a
 * whole are less than {@link #COMPACT_BELOW_FILL_RATE_PERCENT} % full, a commit first rewrites the live pages of
 * chunks at most {@link #SPARSE_CHUNK_FILL_RATE_PERCENT} % full ({@link SparseChunkFileStore}), a bounded amount each
 * time; and where less than {@link #MOVE_BELOW_FILE_FILL_RATE_PERCENT} % of the file is in use, it moves chunks from
 * the end of the file into the free space before (as they are, no page decoded) and shrinks the file. The pass holds
 * every command off, so it takes a bounded share of the time: the next one comes
 * {@link #COMPACT_EVERY_NANOS} later at the earliest, and {@link #COMPACT_PAUSE_FACTOR} times as long as the last one
 * took (a twentieth of the time), or {@link #CATCH_UP_PAUSE_FACTOR} times while less than
 * {@link #CATCH_UP_BELOW_LIVE_PERCENT} % of the file is live data (a quarter of the time). Under a sustained write load
 * the file may grow to a few times its live data; the passes catch up when the load drops, also while nothing is
 * written (a thread of its own runs them then).
 * <p>
 * Only one process at a time can open the file (MVStore locks it).
 */
public final class FileStoreBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(FileStoreBackend.class);

    /** MVStore's page cache (its default is 16 MB), which holds decoded documents and index pages. */
    private static final int CACHE_MEGABYTES = 64;

    /**
     * How long a chunk nothing refers to any more is kept before its space is reused. MVStore keeps 45 s by default
     * against file systems that reorder writes on power loss, which this store does not claim to survive (it does not
     * {@code fsync}); a killed process loses nothing the OS has been given.
     */
    static final int RETENTION_MILLIS = 1_000;

    static final long COMPACT_EVERY_NANOS = 1_000_000_000L;

    /** Compaction only while the chunks as a whole are less full than this. */
    private static final int COMPACT_BELOW_FILL_RATE_PERCENT = 60;

    /** Only chunks at most this full are rewritten, so that a pass frees at least as much as it writes again. */
    private static final int SPARSE_CHUNK_FILL_RATE_PERCENT = 50;

    /** Where less of the file than this is in use, a pass also moves chunks from its end forward to shrink it. */
    private static final int MOVE_BELOW_FILE_FILL_RATE_PERCENT = 50;

    /** About how much live data a pass rewrites, and how much it moves: a pass holds every command off. */
    private static final int COMPACT_WRITE_BYTES = 256 * 1024;

    /** A pass is followed by this many times its duration without one: compaction takes 1/(1+this) of the time. */
    private static final int COMPACT_PAUSE_FACTOR = 19;

    /** Where live data is less than this share of the file, compaction may take a larger share of the time. */
    private static final int CATCH_UP_BELOW_LIVE_PERCENT = 25;

    /** The pause factor while catching up: a quarter of the time. */
    private static final int CATCH_UP_PAUSE_FACTOR = 3;

    /** Commands share it; a commit takes it alone, so it sees no command halfway through. */
    private final ReentrantReadWriteLock commandsAndCommits = new ReentrantReadWriteLock();

    /** Commands that never change anything, so never wait for a commit; every other command may. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "killcursors", "endsessions",
            "serverstatus", "dbstats", "collstats", "connectionstatus", "getparameter", "whatsmyuri", "getlasterror");

    private final ScanGuard scanGuard;

    private long nextCompaction = System.nanoTime();

    /** Only changed while the write lock is held. */
    private volatile long commits;

    private final SparseChunkFileStore fileStore;

    /** Runs the passes while nothing writes: a pass otherwise only comes with a commit. */
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "store-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private FileStoreBackend(MVStore mvStore, SparseChunkFileStore fileStore, ScanGuard scanGuard) {
        super(mvStore);
        this.fileStore = fileStore;
        this.scanGuard = Objects.requireNonNull(scanGuard, "scanGuard");
        this.housekeeping.scheduleWithFixedDelay(this::compactWhileIdle, COMPACT_EVERY_NANOS, COMPACT_EVERY_NANOS,
                TimeUnit.NANOSECONDS);
    }

    /**
     * Opens (or creates) the store file, also one written by the plain {@code H2Backend}.
     *
     * @throws RuntimeException (MVStore's) when the file cannot be opened, e.g. another process holds it
     */
    public static FileStoreBackend open(Path file, ScanGuard scanGuard) {
        // autoCommitDisabled() alone leaves MVStore's write buffer (about 19 MB) in place, past which MVStore commits
        // from inside a write: the file could then hold half a command. Without it, only this class commits.
        SparseChunkFileStore fileStore = SparseChunkFileStore.open(file.toString(), CACHE_MEGABYTES);
        MVStore mvStore;
        try {
            mvStore = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().autoCommitBufferSize(0)
                    .cacheSize(CACHE_MEGABYTES).open();
        }
        catch (RuntimeException ex) {
            fileStore.close();
            throw ex;
        }
        mvStore.setRetentionTime(RETENTION_MILLIS);
        try {
            return new FileStoreBackend(mvStore, fileStore, scanGuard);
        }
        catch (RuntimeException ex) {
            mvStore.closeImmediately();
            throw ex;
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return FileStoreDatabase.open(databaseName, getMvStore(), getCursorRegistry(), this::scanGuard);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (Unjournaled.isFsync(command)) {
            commitUnlessStored(getMvStore().getCurrentVersion());
            return Unjournaled.fsyncAnswer();
        }
        boolean write = !READS.contains(command.toLowerCase(Locale.ROOT));
        StoreWriteEvent event = write ? new StoreWriteEvent() : null;
        if (event != null) {
            event.begin();
        }
        this.commandsAndCommits.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        }
        finally {
            // what the command changed belongs to the version still open now; a commit stores it and opens the next
            long version = getMvStore().getCurrentVersion();
            this.commandsAndCommits.readLock().unlock();
            if (write && !Unjournaled.asked(query)) {
                commitUnlessStored(version);
            }
            if (event != null && event.shouldCommit()) {
                event.database = databaseName;
                event.collection = query.get(command) instanceof String collection ? collection : null;
                event.command = command;
                event.documents = documentsIn(query);
                event.commit();
            }
        }
    }

    /** How many documents a write command carries: inserted, updates or deletes; one for anything else. */
    private static int documentsIn(Document query) {
        for (String batch : List.of("documents", "updates", "deletes")) {
            if (query.get(batch) instanceof List<?> list) {
                return list.size();
            }
        }
        return 1;
    }

    /** Commits what the commands so far have changed (all of it, as no command is halfway while it runs). */
    @Override
    public void commit() {
        this.commandsAndCommits.writeLock().lock();
        StoreCommitEvent event = new StoreCommitEvent();
        event.begin();
        try {
            compactIfDue(event);
            boolean changed = getMvStore().hasUnsavedChanges();
            super.commit();
            if (changed) {
                this.commits++;
                event.commit();
            }
        }
        finally {
            this.commandsAndCommits.writeLock().unlock();
        }
    }

    /**
     * A pass, and the commit that stores it, where one is due and nothing waits to be committed: what an unjournaled
     * write left is committed by a later write or an {@code fsync}, never from here.
     */
    private void compactWhileIdle() {
        this.commandsAndCommits.writeLock().lock();
        try {
            if (getMvStore().isClosed() || getMvStore().hasUnsavedChanges() || !compactionDue(System.nanoTime())) {
                return;
            }
            commit();
        }
        catch (RuntimeException ex) {
            log.warn("Store housekeeping failed, tried again in a second: {}", ex.toString());
        }
        finally {
            this.commandsAndCommits.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        this.housekeeping.shutdownNow();
        try {
            this.housekeeping.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }

    private boolean compactionDue(long now) {
        return now - this.nextCompaction >= 0;
    }

    /**
     * Rewrites the live pages of sparse chunks into the coming commit and moves chunks forward where a pass is due;
     * called with no command halfway. Says in the event how long each took.
     */
    private void compactIfDue(StoreCommitEvent event) {
        long started = System.nanoTime();
        if (!compactionDue(started)) {
            return;
        }
        if (this.fileStore.getChunksFillRate() < COMPACT_BELOW_FILL_RATE_PERCENT) {
            this.fileStore.rewriteSparseChunks(getMvStore(), COMPACT_WRITE_BYTES, SPARSE_CHUNK_FILL_RATE_PERCENT);
        }
        long rewritten = System.nanoTime();
        this.fileStore.moveChunksForward(getMvStore(), COMPACT_WRITE_BYTES, MOVE_BELOW_FILE_FILL_RATE_PERCENT);
        long took = System.nanoTime() - started;
        event.compacting = rewritten - started;
        event.moving = took - event.compacting;
        int livePercent = this.fileStore.getFillRate() * this.fileStore.getChunksFillRate() / 100;
        int pauseFactor = livePercent < CATCH_UP_BELOW_LIVE_PERCENT ? CATCH_UP_PAUSE_FACTOR : COMPACT_PAUSE_FACTOR;
        this.nextCompaction = started + Math.max(COMPACT_EVERY_NANOS, took * (1 + pauseFactor));
    }

    /**
     * Commits the command's version unless a commit has stored it meanwhile: commands that finish while a commit runs
     * are all covered by the one next commit instead of each taking its own turn (group commit).
     */
    private void commitUnlessStored(long version) {
        // a command run from within another command leaves the commit to the outer one (and could not take the lock)
        if (this.commandsAndCommits.getReadHoldCount() > 0 || isStored(version)) {
            return;
        }
        this.commandsAndCommits.writeLock().lock();
        try {
            if (!isStored(version)) {
                commit();
            }
        }
        finally {
            this.commandsAndCommits.writeLock().unlock();
        }
    }

    private boolean isStored(long version) {
        return getMvStore().getCurrentVersion() > version || !getMvStore().hasUnsavedChanges();
    }

    /** How many commits this store has made since it was opened: a commit per write command, fewer where they group. */
    public long commits() {
        return this.commits;
    }

    /** The guard every collection scan of this store passes; {@code null} only while the constructor runs. */
    public ScanGuard scanGuard() {
        return this.scanGuard;
    }

}
