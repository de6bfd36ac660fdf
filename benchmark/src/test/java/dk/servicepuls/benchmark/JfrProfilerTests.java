package dk.servicepuls.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dk.servicepuls.benchmark.report.JfrProfiler;
import dk.servicepuls.benchmark.report.Results;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrProfilerTests {

    @Test
    void aMissedPhasesProfileHoldsTheMachinesCpuAndWhatTheJitCompiledInItsWindow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phase.jfr");
        Instant start;
        Instant end;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            recording.enable("jdk.CompilerStatistics").withPeriod(Duration.ofMillis(100));
            recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
            recording.start();
            start = Instant.now();
            AtomicLong sink = new AtomicLong();
            // past the recording's first readings, then until the JIT has compiled something, then a reading after it
            await().atMost(Duration.ofSeconds(10)).until(() -> work(sink) && elapsedMillis(start) > 300);
            long compiledBefore = compileMillis();
            await().atMost(Duration.ofSeconds(30)).until(() -> work(sink) && compileMillis() > compiledBefore);
            Instant compiled = Instant.now();
            await().atMost(Duration.ofSeconds(10)).until(() -> work(sink) && elapsedMillis(compiled) > 300);
            end = Instant.now();
            recording.stop();
            recording.dump(file);
        }

        List<Results.Profile> profiles = JfrProfiler.profile(file, List.of(new Results.PhaseWindow("latency", start, end),
                new Results.PhaseWindow("http-batch-ingest", start, end)), Map.of("latency", "Latency p50"));

        assertThat(profiles).as("only the missed phase").singleElement().satisfies(profile -> {
            assertThat(profile.phase()).isEqualTo("latency");
            assertThat(profile.cpu().machineBusy()).isBetween(0.0, 1.0);
            assertThat(profile.cpu().platformBusy()).isBetween(0.0, 1.0);
            assertThat(profile.cpu().compilations()).isPositive();
            assertThat(profile.cpu().compileSeconds()).isNotNegative();
            assertThat(profile.cpu().compilerBusy()).isBetween(0.0, 1.0);
        });
    }

    /** Work the JIT has not seen yet in this JVM, some of it compiled as it runs. */
    private static boolean work(AtomicLong sink) {
        for (int i = 0; i < 20_000; i++) {
            sink.addAndGet(String.format("%d-%s", i, Long.toHexString(i * 31L)).hashCode());
        }
        return true;
    }

    private static long elapsedMillis(Instant since) {
        return Duration.between(since, Instant.now()).toMillis();
    }

    private static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
