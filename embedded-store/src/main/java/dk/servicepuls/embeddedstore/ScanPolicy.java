package dk.servicepuls.embeddedstore;

/**
 * Whether the {@link ScanGuard} lets a full collection scan run. A refused scan fails the query with a MongoDB error
 * (code 291, {@code NoQueryExecutionPlans}, as real MongoDB's {@code notablescan} does) naming the collection and the
 * query shape.
 */
public final class ScanPolicy {

    private static final ScanPolicy ALLOW_ALL = new ScanPolicy(Integer.MAX_VALUE);

    private final int largestAllowed;

    private ScanPolicy(int largestAllowed) {
        this.largestAllowed = largestAllowed;
    }

    /** Every scan runs (and is recorded). */
    public static ScanPolicy allowAll() {
        return ALLOW_ALL;
    }

    /** A scan of a collection holding more than {@code documents} documents fails. */
    public static ScanPolicy failAbove(int documents) {
        if (documents < 0) {
            throw new IllegalArgumentException("documents must not be negative: " + documents);
        }
        return new ScanPolicy(documents);
    }

    boolean allows(int documentsInCollection) {
        return documentsInCollection <= this.largestAllowed;
    }

    @Override
    public String toString() {
        return this == ALLOW_ALL ? "allowAll" : "failAbove(" + this.largestAllowed + ")";
    }

}
