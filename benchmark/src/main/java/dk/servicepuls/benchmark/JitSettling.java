package dk.servicepuls.benchmark;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * Whether the platform's JIT compilers have settled: over the last {@code window}, their threads used less than
 * {@code settledShare} of one core. On a machine of few cores the compilers of a JVM that runs four services, a
 * broker and a store take a third to half of a core for minutes after the start, and a latency measured meanwhile
 * measures them too.
 */
final class JitSettling {

    private record Sample(long nanos, long cpuMillis) {
    }

    private final Duration window;
    private final double settledShare;
    private final Deque<Sample> samples = new ArrayDeque<>();

    JitSettling(Duration window, double settledShare) {
        this.window = window;
        this.settledShare = settledShare;
    }

    /** A reading of the compilers' CPU time so far at {@code nanos} (of {@link System#nanoTime()}); -1 is ignored. */
    void add(long nanos, long cpuMillis) {
        if (cpuMillis < 0) {
            return;
        }
        samples.addLast(new Sample(nanos, cpuMillis));
        // keep the newest sample at least a window old, so that the share spans the whole window
        while (samples.size() > 2 && nanos - secondOldest().nanos() >= window.toNanos()) {
            samples.removeFirst();
        }
    }

    /** Compiler CPU per wall-clock time over the last window (1.0 = one core), once the samples span it. */
    OptionalDouble share() {
        return span() < window.toNanos() ? OptionalDouble.empty() : shareSoFar();
    }

    /** The same over what the samples span, whole window or not; empty before two samples. */
    OptionalDouble shareSoFar() {
        long span = span();
        if (span <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((samples.getLast().cpuMillis() - samples.getFirst().cpuMillis()) * 1e6 / span);
    }

    /** Nanoseconds between the oldest and the newest sample kept. */
    long span() {
        return samples.size() < 2 ? 0 : samples.getLast().nanos() - samples.getFirst().nanos();
    }

    boolean settled() {
        OptionalDouble share = share();
        return share.isPresent() && share.getAsDouble() < settledShare;
    }

    Duration window() {
        return window;
    }

    double settledShare() {
        return settledShare;
    }

    private Sample secondOldest() {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }
}
