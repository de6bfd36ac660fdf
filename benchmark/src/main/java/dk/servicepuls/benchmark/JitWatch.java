package dk.servicepuls.benchmark;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

import dk.servicepuls.benchmark.platform.JitProbe;

/**
 * Watches the platform's JIT compilers while a load runs: true while they are still busy (not {@link JitSettling
 * settled}), reading their CPU time every few seconds.
 */
final class JitWatch implements BooleanSupplier {

    private static final long READ_EVERY_NANOS = 3_000_000_000L;

    private final JitProbe probe;
    private final JitSettling settling;
    private long lastRead = System.nanoTime() - READ_EVERY_NANOS;

    JitWatch(JitProbe probe, JitSettling settling) {
        this.probe = probe;
        this.settling = settling;
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.nanoTime();
        if (now - lastRead >= READ_EVERY_NANOS) {
            lastRead = now;
            settling.add(now, probe.compilerCpuMillis());
        }
        return !settling.settled();
    }

    /** What the compilers did lately, for the report. */
    String state() {
        OptionalDouble share = settling.shareSoFar();
        if (share.isEmpty()) {
            return "the JIT compilers' CPU time could not be read";
        }
        String verdict;
        if (settling.settled()) {
            verdict = "settled: below " + Math.round(100 * settling.settledShare()) + " %";
        }
        else if (settling.share().isPresent()) {
            verdict = "not settled";
        }
        else {
            verdict = "not settled: less than the " + settling.window().toSeconds() + " s it is judged over";
        }
        return String.format(Locale.ROOT, "the JIT compilers were busy %.0f %% of one core over the last %d s (%s)",
                100 * share.getAsDouble(), Math.round(settling.span() / 1e9), verdict);
    }
}
