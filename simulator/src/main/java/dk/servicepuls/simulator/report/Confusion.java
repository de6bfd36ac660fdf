package dk.servicepuls.simulator.report;

/** A confusion matrix for one prediction rule; precision and recall are NaN where they have no denominator. */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    Confusion plus(boolean predicted, boolean actual) {
        return new Confusion(truePositives + (predicted && actual ? 1 : 0), falsePositives + (predicted && !actual ? 1 : 0),
                falseNegatives + (!predicted && actual ? 1 : 0), trueNegatives + (!predicted && !actual ? 1 : 0));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
