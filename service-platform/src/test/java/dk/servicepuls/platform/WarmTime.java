package dk.servicepuls.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/**
 * The fuzz tests' bound on one input, measured warm: an input that takes longer than the bound is run once more,
 * and only the second run counts. The first pass down a new path loads and compiles classes (a first exception of
 * its kind can take a quarter of a second on these machines); a slow input, a quadratic one say, is slow twice.
 */
public final class WarmTime {

    /** The bound for one input. */
    public static final Duration AT_MOST = Duration.ofMillis(100);

    private WarmTime() {
    }

    public static void assertWithinBound(String what, Runnable work) {
        if (nanos(work) < AT_MOST.toNanos()) {
            return;
        }
        long again = nanos(work);
        assertThat(again).as("nanoseconds, warm, for %s", what).isLessThan(AT_MOST.toNanos());
    }

    private static long nanos(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }
}
