package dk.servicepuls.analytics.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II, method 10. */
class ProportionDifferenceTests {

    @Test
    void matchesNewcombesWorkedExamples() {
        assertInterval(ProportionDifference.of(56, 70, 48, 80), 0.2, 0.0524, 0.3339);
        assertInterval(ProportionDifference.of(9, 10, 3, 10), 0.6, 0.1705, 0.8090);
        assertInterval(ProportionDifference.of(5, 56, 0, 29), 0.0893, -0.0381, 0.1926);
    }

    @Test
    void staysInsideMinusOneToOneWhereTheWaldIntervalWouldNot() {
        ProportionDifference all = ProportionDifference.of(10, 10, 0, 10);
        ProportionDifference none = ProportionDifference.of(0, 10, 0, 10);

        assertThat(all.upper()).isLessThanOrEqualTo(1.0);
        assertThat(all.lower()).isGreaterThan(0.0);
        assertThat(none.lower()).isCloseTo(-0.2775, within(1e-4));
        assertThat(none.upper()).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void wilsonIntervalOfZeroOutOfTwentyStartsAtZero() {
        double[] interval = ProportionDifference.wilson(0, 20);

        assertThat(interval[0]).isZero();
        assertThat(interval[1]).isCloseTo(0.1611, within(1e-4));
    }

    @Test
    void refusesCountsThatAreNoProportion() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionDifference.of(3, 2, 0, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> ProportionDifference.of(0, 0, 0, 5));
    }

    private static void assertInterval(ProportionDifference actual, double difference, double lower, double upper) {
        assertThat(actual.difference()).isCloseTo(difference, within(1e-4));
        assertThat(actual.lower()).isCloseTo(lower, within(1e-4));
        assertThat(actual.upper()).isCloseTo(upper, within(1e-4));
    }
}
