package dk.servicepuls.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders documents with pending outbox entries: microseconds since the epoch, never repeating within a process, so
 * that two events of one case written in the same millisecond are still relayed in the order they were written.
 */
public final class OutboxSequence {

    private static final AtomicLong LAST = new AtomicLong();

    private OutboxSequence() {
    }

    public static long next() {
        long now = System.currentTimeMillis() * 1000;
        return LAST.updateAndGet(last -> Math.max(last + 1, now));
    }
}
