package dk.servicepuls.escalation.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dk.servicepuls.contracts.events.DecisionPending;

/**
 * {@code RiskModel.assess}, run for every event of every case escalation-service follows: a young case with three
 * facts, and a busy one with fifty (many contacts, feedback, hand-offs), whose factors walk the whole history. In
 * this package because the model and its facts are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RiskModelBenchmark {

    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");

    // the defaults of application.yml / README-risk.md
    private final RiskModel model = new RiskModel(new RiskProperties("jmh", new RiskProperties.Levels(40, 70),
            new RiskProperties.Weights(40, 25, 15, 25, 30, 20, 15, 10, 10, 10, 5, 15, 10, 15),
            new RiskProperties.Thresholds(true, 2, 6, 3, Duration.ofDays(14), Duration.ofSeconds(600), 5,
                    Duration.ofDays(30), Map.of())));
    private final CaseFacts youngCase = new CaseFacts(List.of(opened(), contact(1, 120, true), pending(2)));
    private final CaseFacts busyCase = busy();
    private final Instant asOf = OPENED.plus(Duration.ofDays(40));

    @Benchmark
    public Assessment youngCaseThreeFacts() {
        return model.assess("borgerservice", youngCase, false, asOf, asOf);
    }

    @Benchmark
    public Assessment busyCaseFiftyFacts() {
        return model.assess("borgerservice", busyCase, true, asOf, asOf);
    }

    @Benchmark
    public CaseFacts addAFactToTheBusyCase() {
        return busyCase.with(contact(60, 30, true));
    }

    private static CaseFacts busy() {
        List<Fact> facts = new ArrayList<>();
        facts.add(opened());
        for (int i = 1; i < 45; i++) {
            facts.add(i % 10 == 0 ? transfer(i) : i % 7 == 0 ? feedback(i) : contact(i, 60L * i, i % 3 != 0));
        }
        for (int i = 45; i < 50; i++) {
            facts.add(pending(i));
        }
        return new CaseFacts(facts);
    }

    private static Fact opened() {
        return new Fact("/jmh", "e-0", Fact.Kind.CASE_OPENED, OPENED, null, null, null, null, null, null, null, null,
                null, null, null, "cw-1", "team-1", null);
    }

    private static Fact contact(int n, long waitSeconds, boolean resolved) {
        return new Fact("/jmh", "e-" + n, Fact.Kind.CONTACT, OPENED.plus(Duration.ofHours(n)), null, null, true,
                (int) waitSeconds, resolved, null, null, null, null, null, null, "cw-2", null, null);
    }

    private static Fact feedback(int n) {
        return new Fact("/jmh", "e-" + n, Fact.Kind.FEEDBACK, OPENED.plus(Duration.ofHours(n)), null, null, null, null,
                null, 2, 6, 3, null, null, null, null, null, null);
    }

    private static Fact transfer(int n) {
        return new Fact("/jmh", "e-" + n, Fact.Kind.TRANSFER, OPENED.plus(Duration.ofHours(n)), null, null, null, null,
                null, null, null, null, null, null, null, null, "team-" + n, null);
    }

    private static Fact pending(int n) {
        return new Fact("/jmh", "e-" + n, Fact.Kind.DECISION_PENDING, OPENED.plus(Duration.ofHours(n)),
                DecisionPending.ExpectedOutcome.REJECTED, OPENED.plus(Duration.ofDays(50)), null, null, null, null,
                null, null, null, null, null, "cw-1", null, null);
    }
}
