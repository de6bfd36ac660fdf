package dk.servicepuls.analytics.kpis;

import java.time.Instant;

/**
 * The measured effect of proactive calls: the complaint rate (complaints and appeals) of eligible cases that were
 * called, against that of eligible cases that were not, the difference with Newcombe's 95 % interval, the relative
 * reduction, and what the avoided complaints save in caseworker hours.
 * <p>
 * {@code design} says how far the comparison can be trusted. {@code holdout}: escalation-service kept a share of the
 * eligible cases out of the calls ({@code task.held-out}), picked by a hash of the case and so unrelated to how the
 * case went; those are the comparison, and the difference is an estimate of the effect. {@code observational}, where
 * the range holds no held-out case: the comparison cases are the eligible ones nobody reached, which may differ from
 * the called ones in more than the call (a caseworker may call the easier cases first), so the difference is an
 * association, not a proven effect. It is a fair estimate where calls were assigned at random among eligible cases,
 * as in the simulator.
 *
 * @param difference        comparison rate − called rate: complaints avoided per eligible case called
 * @param relativeReduction the difference as a share of the comparison rate
 * @param avoidedComplaints difference × called cases
 * @param hoursSaved        avoided complaints × hours a complaint costs
 * @param netHoursSaved     hours saved − called cases × hours a call costs
 */
public record CallEffect(String design, Instant from, Instant until, long calledCases, long calledComplaints,
        long comparisonCases, long comparisonComplaints, Double calledRate, Double comparisonRate, Double difference,
        Double lower, Double upper, Double relativeReduction, Double avoidedComplaints, Double hoursSaved,
        Double netHoursSaved, boolean suppressed) {

    static final String OBSERVATIONAL = "observational";
    static final String HOLDOUT = "holdout";

    static CallEffect of(String design, Instant from, Instant until, long called, long calledComplaints,
            long comparison, long comparisonComplaints, KpiProperties properties) {
        if (called < properties.minGroupSize() || comparison < properties.minGroupSize()) {
            return new CallEffect(design, from, until, called, calledComplaints, comparison, comparisonComplaints,
                    null, null, null, null, null, null, null, null, null, called > 0 || comparison > 0);
        }
        ProportionDifference interval = ProportionDifference.of(comparisonComplaints, comparison, calledComplaints, called);
        double comparisonRate = (double) comparisonComplaints / comparison;
        double avoided = interval.difference() * called;
        double hoursSaved = avoided * properties.hoursPerComplaint();
        return new CallEffect(design, from, until, called, calledComplaints, comparison, comparisonComplaints,
                (double) calledComplaints / called, comparisonRate, interval.difference(), interval.lower(),
                interval.upper(), comparisonRate == 0 ? null : interval.difference() / comparisonRate, avoided,
                hoursSaved, hoursSaved - called * properties.hoursPerCall(), false);
    }
}
