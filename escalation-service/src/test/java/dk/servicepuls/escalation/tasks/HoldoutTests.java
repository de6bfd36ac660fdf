package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class HoldoutTests {

    @Test
    void sameCaseAlwaysFallsOnTheSameSide() {
        assertThat(Holdout.position("dept", "SAG-1")).isEqualTo(Holdout.position("dept", "SAG-1"));
        assertThat(Holdout.position("dept", "SAG-1")).isNotEqualTo(Holdout.position("dept-2", "SAG-1"));
    }

    @Test
    void positionsSpreadEvenlyEnoughForAShare() {
        long below = IntStream.range(0, 10_000).filter(i -> Holdout.position("dept", "SAG-" + i) < 0.1).count();
        assertThat(below).isBetween(850L, 1150L);
    }
}
