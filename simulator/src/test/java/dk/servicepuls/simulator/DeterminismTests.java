package dk.servicepuls.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DeterminismTests {

    private static final SimulationSettings SETTINGS = SimulationSettings.defaults().withSeed(7).withCases(300);

    @Test
    void theSameSeedGivesTheSameEventStreamAndGroundTruth() {
        Simulation first = Municipality.simulate(SETTINGS);
        Simulation second = Municipality.simulate(SETTINGS);

        assertThat(lines(second)).isEqualTo(lines(first));
        assertThat(second.truth()).isEqualTo(first.truth());
    }

    @Test
    void anotherSeedGivesAnotherMunicipalityWithOtherCaseIds() {
        Simulation first = Municipality.simulate(SETTINGS);
        Simulation other = Municipality.simulate(SETTINGS.withSeed(8));

        assertThat(lines(other)).isNotEqualTo(lines(first));
        assertThat(other.truth().get(0).caseId()).isNotEqualTo(first.truth().get(0).caseId());
    }

    @Test
    void aHorizonCutsLaterEventsAndMarksThoseCasesIncomplete() {
        Simulation whole = Municipality.simulate(SETTINGS);
        Instant horizon = SETTINGS.start().plus(SETTINGS.period().dividedBy(2));
        Simulation cut = Municipality.simulate(SETTINGS.withHorizon(horizon));

        assertThat(cut.events()).isEqualTo(whole.events().stream().filter(e -> !e.time().isAfter(horizon)).toList());
        assertThat(cut.truth()).anyMatch(t -> !t.complete()).anyMatch(CaseTruth::complete);
    }

    @Test
    void theGroundTruthFileReadsBackAsWritten(@TempDir Path folder) {
        Simulation simulation = Municipality.simulate(SETTINGS);
        Path file = folder.resolve("truth.jsonl");

        TruthFile.write(file, simulation.truth());

        List<CaseTruth> read = TruthFile.read(file);
        assertThat(read).hasSameSizeAs(simulation.truth());
        assertThat(read).extracting(CaseTruth::caseId, CaseTruth::called, CaseTruth::complained, CaseTruth::decisionMadeAt)
                .isEqualTo(simulation.truth().stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.caseId(), t.called(), t.complained(), t.decisionMadeAt()))
                        .toList());
    }

    private static List<String> lines(Simulation simulation) {
        JsonMapper json = JsonMapper.shared();
        return simulation.events().stream().map(event -> json.writeValueAsString(event.toStructured())).toList();
    }
}
