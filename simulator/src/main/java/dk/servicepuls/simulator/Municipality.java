package dk.servicepuls.simulator;

import dk.servicepuls.simulator.Catalogue.CaseKind;
import dk.servicepuls.simulator.Catalogue.Department;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The simulated municipality: four departments whose cases open over the settings' period, each telling its story
 * ({@link CaseStory}), merged into one stream. Everything follows from the seed; no clock is read.
 *
 * <pre>{@code
 * Simulation simulation = Municipality.simulate(SimulationSettings.defaults().withSeed(7).withCases(2000));
 * simulation.events();   // CloudEvents to publish, in time order
 * simulation.truth();    // what really happened, per case
 * }</pre>
 */
public final class Municipality {

    /** Share of cases whose party already had a case in the same department. */
    private static final double RETURNING_PARTY = 0.1;

    private Municipality() {
    }

    public static Simulation simulate(SimulationSettings settings) {
        SplittableRandom town = new SplittableRandom(settings.seed());
        String tag = runTag(settings.seed());
        ComplaintModel model = new ComplaintModel(settings.callEffect());
        CallPolicy policy = new CallPolicy(settings.callProbability());

        // who and when first, in opening order, so a returning party's earlier cases come first
        List<Opening> openings = new ArrayList<>();
        for (int i = 0; i < settings.cases(); i++) {
            Department department = Draw.weighted(town, departmentWeights());
            CaseKind kind = Draw.one(town, department.kinds());
            long offset = (long) (town.nextDouble() * settings.period().toSeconds());
            Instant openedAt = WorkingTime.during(settings.start().plusSeconds(offset), town);
            openings.add(new Opening(i, department, kind, openedAt));
        }
        List<Opening> byTime = new ArrayList<>(openings);
        byTime.sort(Comparator.comparing(Opening::openedAt).thenComparingInt(Opening::index));

        Map<String, List<Party>> parties = new HashMap<>();
        List<Ordered> stream = new ArrayList<>();
        List<CaseTruth> truth = new ArrayList<>();
        for (Opening opening : byTime) {
            List<Party> known = parties.computeIfAbsent(opening.department().code(), code -> new ArrayList<>());
            Party party = party(town, opening.kind(), known);
            String caseId = String.format("%s-%s-%06d", opening.department().prefix(), tag, opening.index() + 1);
            CaseStory.Told told = new CaseStory(caseId, opening.department(), opening.kind(), party,
                    opening.openedAt(), caseRandom(settings.seed(), opening.index()), model, policy).tell();
            int sequence = 0;
            boolean complete = true;
            for (SimulatedEvent event : told.events()) {
                if (settings.horizon() != null && event.time().isAfter(settings.horizon())) {
                    complete = false;
                    continue;
                }
                stream.add(new Ordered(event, opening.index(), sequence++));
            }
            truth.add(complete ? told.truth() : incomplete(told.truth()));
        }
        stream.sort(Comparator.comparing((Ordered o) -> o.event().time()).thenComparingInt(Ordered::caseIndex)
                .thenComparingInt(Ordered::sequence));
        truth.sort(Comparator.comparing(CaseTruth::caseId));
        return new Simulation(stream.stream().map(Ordered::event).toList(), truth);
    }

    private static Party party(RandomGenerator town, CaseKind kind, List<Party> known) {
        boolean business = Draw.chance(town, kind.businessShare());
        if (!known.isEmpty() && Draw.chance(town, RETURNING_PARTY)) {
            Party returning = Draw.one(town, known);
            if (returning.business() == business) {
                return returning;
            }
        }
        Party party = business ? People.business(town) : People.citizen(town);
        known.add(party);
        return party;
    }

    private static Map<Department, Double> departmentWeights() {
        Map<Department, Double> weights = new LinkedHashMap<>();
        Catalogue.DEPARTMENTS.forEach(department -> weights.put(department, department.weight()));
        return weights;
    }

    /** Each case its own generator, derived from the seed and its number alone. */
    private static RandomGenerator caseRandom(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
    }

    /**
     * Four letters from the seed in every case id ({@code BS-KQXT-000042}): runs with different seeds do not collide
     * on the platform's idempotency keys, and letters keep a case id from ever looking like a CPR number.
     */
    static String runTag(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tag.append((char) ('A' + random.nextInt(26)));
        }
        return tag.toString();
    }

    private static CaseTruth incomplete(CaseTruth t) {
        return new CaseTruth(t.caseId(), t.department(), t.caseType(), t.openedAt(), t.decisionPendingAt(),
                t.expectedOutcome(), t.outcome(), t.decisionMadeAt(), t.closedAt(), t.inboundContacts(), t.longWaits(),
                t.unresolvedContacts(), t.handOffs(), t.negativeFeedback(), t.earlierComplaintByParty(),
                t.eligibleForCall(), t.called(), t.propensity(), t.complaintProbability(), t.wouldComplainWithoutCall(),
                t.complained(), t.complaintKind(), t.complaintAt(), false);
    }

    private record Opening(int index, Department department, CaseKind kind, Instant openedAt) {
    }

    private record Ordered(SimulatedEvent event, int caseIndex, int sequence) {
    }
}
