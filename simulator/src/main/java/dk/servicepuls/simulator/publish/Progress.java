package dk.servicepuls.simulator.publish;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** One line at most every {@code interval}: events sent of the total, refused ones, the rate so far and an ETA. */
final class Progress {

    private final long total;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private final long start;
    private long lastLine;

    Progress(long total, Duration interval, LongSupplier nanoTime, Consumer<String> out) {
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.out = out;
        this.start = nanoTime.getAsLong();
        this.lastLine = start;
    }

    void sent(long sent, Delivery delivery) {
        long now = nanoTime.getAsLong();
        if (now - lastLine >= intervalNanos) {
            lastLine = now;
            out.accept(line(sent, delivery, now));
        }
    }

    void done(Delivery delivery) {
        out.accept(line(total, delivery, nanoTime.getAsLong()).replaceFirst(", ETA .*", ", done"));
    }

    private String line(long sent, Delivery delivery, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = sent / seconds;
        String eta = rate > 0 ? String.format("%.0f s", (total - sent) / rate) : "?";
        return String.format("simulator: sent %d/%d events (%d refused), %.0f events/s, ETA %s",
                sent, total, delivery.rejected(), rate, eta);
    }
}
