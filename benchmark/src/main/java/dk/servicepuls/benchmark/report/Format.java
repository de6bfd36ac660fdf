package dk.servicepuls.benchmark.report;

import java.time.Duration;
import java.util.Locale;

/** Numbers as the report and the progress lines write them: thousands separated, units named. */
public final class Format {

    private Format() {
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f/s" : "%,.1f/s", perSecond);
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    public static String millis(double millis) {
        return String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    public static String bytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }

    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60) : seconds + " s";
    }

    /** "7,923 of 100,000 after 6 min 00 s", or "complete". */
    public static String reached(long done, long total, Duration after) {
        return done >= total ? "complete" : count(done) + " of " + count(total) + " after " + duration(after);
    }
}
