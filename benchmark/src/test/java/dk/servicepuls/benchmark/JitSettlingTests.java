package dk.servicepuls.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dk.servicepuls.benchmark.platform.JitProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JitSettlingTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void compilersBusyAboveTheShareOverTheWholeWindowAreNotSettled() {
        JitSettling jit = new JitSettling(Duration.ofSeconds(15), 0.15);
        jit.add(0, 10_000);
        jit.add(5 * SECOND, 15_000);
        assertThat(jit.share()).as("not a whole window yet").isEmpty();
        assertThat(jit.shareSoFar()).hasValueCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jit.settled()).isFalse();

        jit.add(15 * SECOND, 24_000); // 14 s of compiling in 15 s

        assertThat(jit.share()).hasValueCloseTo(14.0 / 15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jit.settled()).isFalse();
    }

    @Test
    void compilersThatWentQuietSettleOnceTheWindowHoldsOnlyTheQuietTime() {
        JitSettling jit = new JitSettling(Duration.ofSeconds(15), 0.15);
        jit.add(0, 0);
        jit.add(20 * SECOND, 20_000); // a core's worth
        jit.add(25 * SECOND, 20_300);
        jit.add(30 * SECOND, 20_600);
        assertThat(jit.settled()).as("the busy stretch is still in the window").isFalse();

        jit.add(35 * SECOND, 21_000);
        jit.add(40 * SECOND, 21_500);

        assertThat(jit.share().getAsDouble()).isLessThan(0.15);
        assertThat(jit.settled()).isTrue();
    }

    @Test
    void anUnreadableCompileTimeIsLeftOut() {
        JitSettling jit = new JitSettling(Duration.ofSeconds(10), 0.15);
        jit.add(0, 1_000);
        jit.add(10 * SECOND, -1);

        assertThat(jit.share()).isEmpty();
    }

    @Test
    void aCompilerThreadsTimeIsItsUserAndSystemTicksAndOtherThreadsAreLeftOut() {
        String c2 = "4711 (C2 CompilerThre) S 1 4711 1 0 -1 1077936192 0 0 0 0 3150 42 0 0 20 0 44 0 170 0 0";
        String worker = "4712 (mongo-server-wo) S 1 4711 1 0 -1 1077936192 0 0 0 0 9000 100 0 0 20 0 44 0 170 0 0";
        String odd = "4713 (a (strange) name) S 1 4711 1 0 -1 1077936192 0 0 0 0 7 1 0 0 20 0 44 0 170 0 0";

        assertThat(JitProbe.compilerTicks(c2)).isEqualTo(3192L);
        assertThat(JitProbe.compilerTicks(worker)).isNull();
        assertThat(JitProbe.compilerTicks(odd)).isNull();
    }

    @Test
    void theCompilersOfThisJvmAreFoundAndTheirTimeCountsFromTheFirstReading() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
        JitProbe probe = new JitProbe(ProcessHandle.current().pid());

        assertThat(probe.compilerCpuMillis()).isZero();
        assertThat(probe.compilerCpuMillis()).isNotNegative();
    }
}
