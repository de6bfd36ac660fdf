package dk.servicepuls.analytics.kpigauges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.SimpleTriggerContext;

class KpiGaugeSchedulingTests {

    private static final Instant FIRST = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration REFRESH = Duration.ofMinutes(1);

    @Test
    void theFirstComputationIsOneIntervalAfterStart() {
        assertThat(KpiGaugeScheduling.next(new SimpleTriggerContext(), REFRESH, FIRST)).isEqualTo(FIRST);
    }

    @Test
    void aQuickComputationComesAgainAfterTheInterval() {
        Instant ended = FIRST.plusMillis(200);
        SimpleTriggerContext context = new SimpleTriggerContext(FIRST, FIRST, ended);

        assertThat(KpiGaugeScheduling.next(context, REFRESH, FIRST)).isEqualTo(ended.plus(REFRESH));
    }

    @Test
    void aSlowComputationWaitsTenTimesAsLongAsItTook() {
        Instant ended = FIRST.plusSeconds(9);
        SimpleTriggerContext context = new SimpleTriggerContext(FIRST, FIRST, ended);

        assertThat(KpiGaugeScheduling.next(context, REFRESH, FIRST)).isEqualTo(ended.plusSeconds(90));
    }
}
