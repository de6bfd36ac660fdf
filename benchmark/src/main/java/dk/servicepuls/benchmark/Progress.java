package dk.servicepuls.benchmark;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dk.servicepuls.benchmark.report.Format;

/** Prints a line every few seconds while a phase runs: phase, done of total, rate now and overall, ETA. */
final class Progress implements AutoCloseable {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });
    private final int everySeconds;

    Progress(int everySeconds) {
        this.everySeconds = Math.max(1, everySeconds);
    }

    /** Reports on {@code done} until the returned handle is closed. */
    Phase track(String phase, long total, LongSupplier done) {
        long started = System.nanoTime();
        long[] last = {0, started};
        ScheduledFuture<?> task = ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long count = done.getAsLong();
            double overall = count / Math.max(1e-9, (now - started) / 1e9);
            double current = (count - last[0]) / Math.max(1e-9, (now - last[1]) / 1e9);
            last[0] = count;
            last[1] = now;
            String eta = count >= total ? "done" : current > 0
                    ? "ETA " + Format.duration(Duration.ofSeconds((long) ((total - count) / current))) : "ETA unknown";
            System.out.printf("[%s] %s of %s (%.1f %%), %s now, %s overall, %s, %s elapsed%n", phase,
                    Format.count(count), Format.count(total), 100.0 * count / Math.max(1, total), Format.rate(current),
                    Format.rate(overall), eta, Format.duration(Duration.ofNanos(now - started)));
        }, everySeconds, everySeconds, TimeUnit.SECONDS);
        return () -> task.cancel(false);
    }

    /** A phase being reported on. */
    interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
