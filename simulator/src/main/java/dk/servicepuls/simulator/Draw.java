package dk.servicepuls.simulator;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Small random draws on top of a seeded generator; nothing here may consult a clock or another source. */
final class Draw {

    private Draw() {
    }

    static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T one(RandomGenerator random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One key, with a probability proportional to its weight; the map must iterate in a fixed order. */
    static <T> T weighted(RandomGenerator random, Map<T, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double point = random.nextDouble() * total;
        T last = null;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            last = entry.getKey();
            point -= entry.getValue();
            if (point < 0) {
                return last;
            }
        }
        return last;
    }

    /** A log-normal value with the given median; {@code spread} is the standard deviation of its logarithm. */
    static double logNormal(RandomGenerator random, double median, double spread) {
        return median * Math.exp(spread * random.nextGaussian());
    }

    static long between(RandomGenerator random, long fromInclusive, long toExclusive) {
        return toExclusive <= fromInclusive ? fromInclusive : random.nextLong(fromInclusive, toExclusive);
    }
}
