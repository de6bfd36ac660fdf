package dk.servicepuls.analytics.kpis;

/**
 * The difference of two independent proportions, {@code x1/n1 − x2/n2}, with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10): built from each proportion's Wilson score interval, it stays inside [−1, 1] and keeps
 * close to its nominal coverage at small counts and at rates near 0, where the textbook Wald interval fails — which
 * is where complaint rates are.
 */
record ProportionDifference(long x1, long n1, long x2, long n2, double difference, double lower, double upper) {

    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    static ProportionDifference of(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("Counts must satisfy 0 ≤ x ≤ n and n > 0");
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] first = wilson(x1, n1);
        double[] second = wilson(x2, n2);
        double difference = p1 - p2;
        double lower = difference - Math.sqrt(square(p1 - first[0]) + square(second[1] - p2));
        double upper = difference + Math.sqrt(square(first[1] - p1) + square(p2 - second[0]));
        return new ProportionDifference(x1, n1, x2, n2, difference, lower, upper);
    }

    /** The Wilson score interval of {@code x/n} at 95 %: {lower, upper}. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    private static double square(double value) {
        return value * value;
    }
}
