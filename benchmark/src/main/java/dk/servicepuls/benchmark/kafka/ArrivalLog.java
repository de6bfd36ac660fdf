package dk.servicepuls.benchmark.kafka;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each distinct event of one phase reached the watched topic, in arrival order ({@link System#nanoTime()}).
 * Written by the watcher's one thread; a redelivered event counts once.
 */
public final class ArrivalLog {

    private final int expected;
    private final long[] arrivals;
    private final BitSet seen;
    private final AtomicInteger count = new AtomicInteger();

    ArrivalLog(int expected) {
        this.expected = expected;
        this.arrivals = new long[expected];
        this.seen = new BitSet(expected);
    }

    void arrived(long number, long nanos) {
        if (number < 0 || number >= expected || seen.get((int) number)) {
            return;
        }
        seen.set((int) number);
        arrivals[count.get()] = nanos;
        // the increment publishes the array slot written before it to readers of count()
        count.incrementAndGet();
    }

    public int expected() {
        return expected;
    }

    public int count() {
        return count.get();
    }

    /** The arrival time of the {@code index}-th arrival (0-based); {@code index} must be below {@link #count()}. */
    public long arrivalNanos(int index) {
        if (index >= count.get()) {
            throw new IndexOutOfBoundsException(index);
        }
        return arrivals[index];
    }
}
