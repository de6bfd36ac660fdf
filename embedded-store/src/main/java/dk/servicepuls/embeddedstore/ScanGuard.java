package dk.servicepuls.embeddedstore;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.exception.MongoServerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every full collection scan of a store: records it by database, collection and query shape (field names and
 * operators only: values can be personal data), applies the {@link ScanPolicy}, and can log a WARN line per
 * collection and shape, at most once per interval. A scan is what is left when neither {@code _id} nor all keys of
 * a unique index are given with equality; queries of the store's own {@code system.*} collections are not counted.
 * <p>
 * What is recorded stays bounded: one entry per distinct (database, collection, shape), however often it recurs.
 */
public final class ScanGuard {

    private static final Logger log = LoggerFactory.getLogger(ScanGuard.class);

    /** MongoDB's code for "no query solutions", which real MongoDB answers a scan with under {@code notablescan}. */
    static final int NO_QUERY_EXECUTION_PLANS = 291;

    private final Map<ScanKey, CollectionScan> scans = new ConcurrentHashMap<>();

    private final Map<ScanKey, Long> lastWarned = new ConcurrentHashMap<>();

    private final long warnIntervalNanos;

    private final LongSupplier nanoClock;

    private volatile ScanPolicy policy = ScanPolicy.allowAll();

    ScanGuard(Duration warnInterval, LongSupplier nanoClock) {
        this.warnIntervalNanos = warnInterval == null ? -1 : warnInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Records scans and lets them run, silently: for tests, which assert on {@link #scans()}. */
    public static ScanGuard recording() {
        return new ScanGuard(null, System::nanoTime);
    }

    /** Records scans and logs a WARN line per collection and query shape, at most once per {@code interval}. */
    public static ScanGuard warningEvery(Duration interval) {
        return new ScanGuard(interval, System::nanoTime);
    }

    /** From now on, scans are judged by {@code policy}; the default lets every scan run. */
    public void policy(ScanPolicy policy) {
        this.policy = policy;
    }

    public ScanPolicy policy() {
        return this.policy;
    }

    /** Everything recorded since the start or the last {@link #reset()}, the largest collections first. */
    public List<CollectionScan> scans() {
        return this.scans.values().stream()
                .sorted(Comparator.comparingInt(CollectionScan::largestCollection).reversed()
                        .thenComparing(CollectionScan::database).thenComparing(CollectionScan::collection)
                        .thenComparing(CollectionScan::shape))
                .collect(Collectors.toList());
    }

    /** What {@link #scans()} recorded in one database (the tests give every context its own). */
    public List<CollectionScan> scansIn(String database) {
        return scans().stream().filter(scan -> scan.database().equals(database)).collect(Collectors.toList());
    }

    /** The scans that touched a collection holding more than {@code documents} documents. */
    public List<CollectionScan> scansOfMoreThan(int documents) {
        return scans().stream().filter(scan -> scan.largestCollection() > documents).collect(Collectors.toList());
    }

    /** Forgets what was recorded (the policy stays). */
    public void reset() {
        this.scans.clear();
        this.lastWarned.clear();
    }

    /**
     * Called by the collections just before they scan: records the scan, warns if due, and throws the MongoDB error
     * that the client receives if the policy refuses it.
     */
    void beforeScan(String database, String collection, String shape, int documents) {
        ScanKey key = new ScanKey(database, collection, shape);
        this.scans.merge(key, new CollectionScan(database, collection, shape, documents, 1),
                (recorded, ignored) -> recorded.again(documents));
        if (warnIfDue(database, collection, shape)) {
            log.warn("Full collection scan of {}.{} ({} documents), query shape {}; {} such scans so far", database,
                    collection, documents, shape, this.scans.get(key).times());
        }
        ScanPolicy current = this.policy;
        if (!current.allows(documents)) {
            throw new MongoServerError(NO_QUERY_EXECUTION_PLANS, "NoQueryExecutionPlans",
                    "collection scan refused by the embedded store's scan guard (" + current + "): " + database + "."
                            + collection + " holds " + documents + " documents; query shape " + shape
                            + ". Query by _id, or give all keys of a unique index with equality.");
        }
    }

    /** Whether a WARN line for this collection and shape is due now; if so, the next one is an interval away. */
    boolean warnIfDue(String database, String collection, String shape) {
        if (this.warnIntervalNanos < 0) {
            return false;
        }
        long now = this.nanoClock.getAsLong();
        boolean[] due = { false };
        this.lastWarned.compute(new ScanKey(database, collection, shape), (ignored, last) -> {
            due[0] = last == null || now - last >= this.warnIntervalNanos;
            return due[0] ? now : last;
        });
        return due[0];
    }

    private record ScanKey(String database, String collection, String shape) {
    }

}
