package dk.servicepuls.simulator.publish;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds the stream to a rate: event {@code n} may go no earlier than {@code n / rate} seconds after the start. A
 * slow moment is caught up afterwards rather than lost, so the average stays at the rate.
 */
final class Pacer {

    private final double eventsPerSecond;
    private final LongSupplier nanoTime;
    private final long start;

    /** @param eventsPerSecond 0 or less: as fast as the platform takes them */
    Pacer(double eventsPerSecond, LongSupplier nanoTime) {
        this.eventsPerSecond = eventsPerSecond;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** How long event {@code n} (counted from 0) still has to wait, in nanoseconds; 0 when it may go now. */
    long waitBefore(long n) {
        if (eventsPerSecond <= 0) {
            return 0;
        }
        long due = start + (long) (n * 1_000_000_000.0 / eventsPerSecond);
        return Math.max(0, due - nanoTime.getAsLong());
    }

    void awaitTurn(long n) {
        for (long wait = waitBefore(n); wait > 0; wait = waitBefore(n)) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted while pacing the stream");
            }
        }
    }
}
