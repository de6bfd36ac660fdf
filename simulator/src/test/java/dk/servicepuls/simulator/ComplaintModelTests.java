package dk.servicepuls.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComplaintModelTests {

    private static final SimulationSettings LARGE = SimulationSettings.defaults().withSeed(2026).withCases(20_000);

    private static List<CaseTruth> halfEffect;

    @BeforeAll
    static void simulate() {
        halfEffect = Municipality.simulate(LARGE).truth();
    }

    @Test
    void calledCasesComplainAboutHalfAsOftenAsComparableUncalledOnes() {
        List<CaseTruth> eligible = halfEffect.stream().filter(CaseTruth::eligibleForCall).toList();
        double called = rate(eligible, CaseTruth::called, CaseTruth::complained);
        double uncalled = rate(eligible, t -> !t.called(), CaseTruth::complained);

        assertThat(eligible.stream().filter(CaseTruth::called).count()).isGreaterThan(2000);
        // (1 − 0.5) with a wide margin: about 3,000 cases a group keeps the ratio within ±0.1 by far
        assertThat(called / uncalled).isBetween(0.35, 0.65);
    }

    @Test
    void calledCasesWouldHaveComplainedAsOftenAsUncalledOnesWithoutTheirCall() {
        List<CaseTruth> eligible = halfEffect.stream().filter(CaseTruth::eligibleForCall).toList();
        double calledCounterfactual = rate(eligible, CaseTruth::called, CaseTruth::wouldComplainWithoutCall);
        double uncalled = rate(eligible, t -> !t.called(), CaseTruth::complained);

        assertThat(calledCounterfactual / uncalled).isBetween(0.85, 1.15);
    }

    @Test
    void withoutAnEffectACallChangesNothing() {
        List<CaseTruth> truth = Municipality.simulate(LARGE.withCases(10_000).withCallEffect(0)).truth();

        assertThat(truth).allMatch(t -> t.complained() == t.wouldComplainWithoutCall());
        List<CaseTruth> eligible = truth.stream().filter(CaseTruth::eligibleForCall).toList();
        assertThat(rate(eligible, CaseTruth::called, CaseTruth::complained)
                / rate(eligible, t -> !t.called(), CaseTruth::complained)).isBetween(0.8, 1.25);
    }

    @Test
    void aFullEffectPreventsEveryComplaintOfACalledCase() {
        List<CaseTruth> truth = Municipality.simulate(LARGE.withCases(5_000).withCallEffect(1)).truth();

        assertThat(truth).filteredOn(CaseTruth::called).noneMatch(CaseTruth::complained)
                .anyMatch(CaseTruth::wouldComplainWithoutCall);
    }

    @Test
    void onlyCasesWithAnUnfavourableDecisionExpectedAreCalled() {
        assertThat(halfEffect).filteredOn(CaseTruth::called).allMatch(t -> t.expectedOutcome().unfavourable());
        double share = (double) halfEffect.stream().filter(CaseTruth::called).count()
                / halfEffect.stream().filter(CaseTruth::eligibleForCall).count();
        assertThat(share).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aCasesPropensityRisesWithAnUnfavourableDecisionAndABadHistory() {
        double approved = mean(halfEffect, t -> t.outcome() == Outcome.APPROVED);
        double rejected = mean(halfEffect, t -> t.outcome() == Outcome.REJECTED);
        assertThat(rejected).isGreaterThan(3 * approved);

        assertThat(mean(halfEffect, t -> t.handOffs() > 0)).isGreaterThan(mean(halfEffect, t -> t.handOffs() == 0));
        assertThat(mean(halfEffect, CaseTruth::negativeFeedback)).isGreaterThan(mean(halfEffect, t -> !t.negativeFeedback()));
        assertThat(mean(halfEffect, t -> t.longWaits() > 0)).isGreaterThan(mean(halfEffect, t -> t.longWaits() == 0));
        assertThat(mean(halfEffect, t -> t.inboundContacts() >= 4)).isGreaterThan(mean(halfEffect, t -> t.inboundContacts() <= 1));
    }

    @Test
    void theModelsWeightsGoTheWayTheDocumentationSays() {
        ComplaintModel model = new ComplaintModel(0.5);
        CaseHistory plain = new CaseHistory(Outcome.APPROVED, 1, 0, 0, 0, false, false, false, 0);
        CaseHistory rough = new CaseHistory(Outcome.REJECTED, 5, 1, 2, 2, true, true, true, -1);

        assertThat(model.propensity(plain)).isCloseTo(1 / (1 + Math.exp(3.3)), within(1e-9));
        assertThat(model.propensity(rough)).isGreaterThan(0.9);
        assertThat(model.probability(0.4, true)).isCloseTo(0.2, within(1e-9));
        assertThat(model.probability(0.4, false)).isEqualTo(0.4);
    }

    private static double rate(List<CaseTruth> cases, Predicate<CaseTruth> group, Predicate<CaseTruth> outcome) {
        List<CaseTruth> members = cases.stream().filter(group).toList();
        return (double) members.stream().filter(outcome).count() / members.size();
    }

    private static double mean(List<CaseTruth> cases, Predicate<CaseTruth> group) {
        return cases.stream().filter(group).mapToDouble(CaseTruth::propensity).average().orElseThrow();
    }
}
