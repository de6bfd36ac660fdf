package dk.servicepuls.simulator.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacingTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void eventNWaitsUntilNOverTheRateSecondsAfterTheStart() {
        Pacer pacer = new Pacer(100, nanos::get);

        assertThat(pacer.waitBefore(0)).isZero();
        assertThat(pacer.waitBefore(50)).isEqualTo(500_000_000L);
        nanos.addAndGet(400_000_000L);
        assertThat(pacer.waitBefore(50)).isEqualTo(100_000_000L);
        nanos.addAndGet(2_000_000_000L);
        assertThat(pacer.waitBefore(50)).as("a slow moment is caught up").isZero();
    }

    @Test
    void noRateMeansNoWaiting() {
        assertThat(new Pacer(0, nanos::get).waitBefore(1_000_000)).isZero();
    }

    @Test
    void progressSpeaksAtMostOncePerIntervalAndOnceAtTheEnd() {
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress(1000, Duration.ofSeconds(5), nanos::get, lines::add);

        nanos.addAndGet(1_000_000_000L);
        progress.sent(100, new Delivery(100, 0));
        nanos.addAndGet(4_000_000_000L);
        progress.sent(500, new Delivery(498, 2));
        nanos.addAndGet(1_000_000_000L);
        progress.sent(600, new Delivery(598, 2));
        progress.done(new Delivery(998, 2));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("simulator: sent 500/1000 events (2 refused), 100 events/s, ETA 5 s");
        assertThat(lines.get(1)).startsWith("simulator: sent 1000/1000 events (2 refused)").endsWith(", done");
    }
}
