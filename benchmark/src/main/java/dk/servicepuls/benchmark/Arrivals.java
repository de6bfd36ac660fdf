package dk.servicepuls.benchmark;

import dk.servicepuls.benchmark.kafka.ArrivalLog;

/** Waiting for a phase's events on {@code contact.events}, and the rate they came at. */
final class Arrivals {

    private static final long POLL_NANOS = 100_000_000L;

    private Arrivals() {
    }

    /** Waits until {@code expected} events have arrived or the deadline ({@link System#nanoTime()}) has passed. */
    static void await(ArrivalLog log, long expected, long deadline) throws InterruptedException {
        while (log.count() < expected && System.nanoTime() < deadline) {
            // a benchmark's wait, not a test's: nothing to be notified of, the count moves on another thread
            Thread.sleep(POLL_NANOS / 1_000_000);
        }
    }

    /** Seconds from {@code startedAt} to the last arrival so far; 0 when nothing arrived. */
    static double secondsToLast(ArrivalLog log, long startedAt) {
        int count = log.count();
        return count == 0 ? 0 : (log.arrivalNanos(count - 1) - startedAt) / 1e9;
    }

    static double rate(long count, double seconds) {
        return seconds <= 0 ? 0 : count / seconds;
    }
}
