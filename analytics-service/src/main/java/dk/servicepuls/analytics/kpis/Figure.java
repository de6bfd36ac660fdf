package dk.servicepuls.analytics.kpis;

/**
 * One KPI's value in one period, with {@code n}, how many cases, contacts or answers it rests on. Below the minimum
 * group size the value is withheld ({@code suppressed}), so that no small group, and nobody in it, can be singled
 * out; without any data it is {@code null} too, but not suppressed.
 */
public record Figure(Double value, long n, boolean suppressed) {

    static Figure of(Double value, long n, int minGroupSize) {
        if (n > 0 && n < minGroupSize) {
            return new Figure(null, n, true);
        }
        return new Figure(n == 0 ? null : value, n, false);
    }
}
