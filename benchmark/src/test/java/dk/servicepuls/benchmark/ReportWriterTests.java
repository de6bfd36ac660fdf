package dk.servicepuls.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.servicepuls.benchmark.report.BenchReport;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.ReportWriter;
import dk.servicepuls.benchmark.report.Results;

class ReportWriterTests {

    @Test
    void aRunThatGotNowhereStillReportsEveryGoalAsMissedAndEverySection(@TempDir Path out) throws Exception {
        List<Results.Goal> goals = Goals.judge(null, null, null, null, null, null, null);
        BenchReport report = new BenchReport("2026-12-01T00:00:00Z", "abc", null, Map.of(), null, null, null, null,
                null, null, null, null, null, goals, List.of(), List.of("The run stopped early: no jar"));

        new ReportWriter().write(report, out);

        assertThat(goals).hasSize(7).noneMatch(Results.Goal::met);
        assertThat(Files.readString(out.resolve(ReportWriter.MARKDOWN))).contains(ReportWriter.sections())
                .contains("not measured (the phase did not run)", "The run stopped early");
        assertThat(out.resolve(ReportWriter.JSON)).isNotEmptyFile();
    }

    @Test
    void aMissedTargetsProfileSaysWhatThePhaseWroteToTheStoreByCollectionAndWhatTheJitTook(@TempDir Path out) throws Exception {
        Results.Profile profile = new Results.Profile(Goals.HTTP, "HTTP batch ingest", 10, List.of(), List.of(),
                List.of(new Results.StoreWrites("servicepuls-contact.events", "insert", 10, 10_000, 1.5),
                        new Results.StoreWrites("servicepuls-escalation.case_risk", "update", 40, 9_000, 2.25)),
                new Results.StoreCommits(55, 0.75, 0.3), new Results.Cpu(0.98, 0.81, 1_234, 12.5, 0.21), null);
        List<Results.Goal> goals = Goals.judge(null, null, null, null, null, null, null);
        BenchReport report = new BenchReport("2026-12-01T00:00:00Z", "abc", null, Map.of(), null, null, null, null,
                null, null, null, null, null, goals, List.of(profile), List.of());

        new ReportWriter().write(report, out);

        assertThat(Files.readString(out.resolve(ReportWriter.MARKDOWN)))
                .contains("55 commits taking 0.8 s in all, 0.3 s of it compacting the file")
                .contains("The machine's CPU 98.0 % busy, the platform's JVM 81.0 % of it")
                .contains("The JIT compiled 1,234 methods, its threads using 21.0 % of the machine's CPU")
                .contains("the compilations took 12.5 s by the wall clock")
                .contains("| `servicepuls-contact.events` | insert | 10 | 10,000 |")
                .contains("| `servicepuls-escalation.case_risk` | update | 40 | 9,000 |");
        assertThat(Files.readString(out.resolve(ReportWriter.JSON))).contains("\"storeWrites\"");
    }

    @Test
    void aSlowStreamMissesItsGoalAndAnAllZeroLagMeetsIt() {
        Results.Stream slow = new Results.Stream(1_000_000, 100_000, 1_000_000, 1_000_000, 400, 3_000, 2_100, 0.7, true,
                0, "complete");
        List<Results.GroupDrain> drained = List.of(new Results.GroupDrain("contact-service", 10, 1.5, 0));

        List<Results.Goal> goals = Goals.judge(null, null, null, slow, null, drained, null);

        assertThat(goals).filteredOn(goal -> goal.phase().equals(Goals.STREAM)).singleElement()
                .satisfies(goal -> assertThat(goal.met()).isFalse());
        assertThat(goals).filteredOn(goal -> goal.phase().equals(Goals.LAG)).singleElement()
                .satisfies(goal -> assertThat(goal.met()).isTrue());
    }

    @Test
    void figuresMeasuredUnderLessThanTheGoalsLoadAreShownButNotJudgedMet() {
        Results.Latency quickAtLowRate = new Results.Latency(30, 1_200, 40, 20, 300, 300, 0, 37, 151, 248, 323,
                "every probe got its task");
        Results.Latency quickAtGoalRate = new Results.Latency(30, 31_000, 1_038, 1_000, 600, 600, 0, 37, 151, 248, 323,
                "every probe got its task");
        Results.Stream shortStream = new Results.Stream(2_000, 1_000, 2_000, 2_000, 1, 2_000, 2_000, 1.0, true, 0, "complete");
        Results.Stream full = new Results.Stream(1_000_000, 100_000, 1_000_000, 1_000_000, 300, 3_000, 2_900, 0.97,
                true, 0, "complete");

        List<Results.Goal> atLowRate = Goals.judge(null, null, null, shortStream, quickAtLowRate, null, null);
        assertThat(atLowRate).filteredOn(goal -> goal.phase().equals(Goals.LATENCY)).hasSize(2)
                .allSatisfy(goal -> assertThat(goal.met()).isFalse())
                .allSatisfy(goal -> assertThat(goal.measured()).contains("not judged"));
        assertThat(atLowRate).filteredOn(goal -> goal.phase().equals(Goals.STREAM)).singleElement()
                .satisfies(goal -> assertThat(goal.met()).isFalse())
                .satisfies(goal -> assertThat(goal.measured()).contains("not judged"));

        List<Results.Goal> atGoalLoad = Goals.judge(null, null, null, full, quickAtGoalRate, null, null);
        assertThat(atGoalLoad).filteredOn(goal -> goal.phase().equals(Goals.LATENCY) || goal.phase().equals(Goals.STREAM))
                .hasSize(3).allSatisfy(goal -> assertThat(goal.met()).isTrue());
    }

    @Test
    void aReplayMeetsItsGoalOnlyWhenItReadEverythingAtFiftyThousandEventsPerSecond() {
        Results.Replay fastButIncomplete = new Results.Replay(1_000_000, 900_000, 5, 10, 90_000, 60_000, false,
                "900,000 of 1,000,000 after 10 min");
        Results.Replay slow = new Results.Replay(1_000_000, 1_000_000, 5, 100, 10_000, 9_000, true, "complete");
        Results.Replay fast = new Results.Replay(1_000_000, 1_000_000, 5, 10, 100_000, 60_000, true, "complete");

        for (Results.Replay missed : List.of(fastButIncomplete, slow)) {
            assertThat(Goals.judge(null, null, null, null, null, null, missed))
                    .filteredOn(goal -> goal.phase().equals(Goals.REPLAY)).singleElement()
                    .satisfies(goal -> assertThat(goal.met()).isFalse());
        }
        assertThat(Goals.judge(null, null, null, null, null, null, fast))
                .filteredOn(goal -> goal.phase().equals(Goals.REPLAY)).singleElement()
                .satisfies(goal -> assertThat(goal.met()).isTrue());
    }
}
