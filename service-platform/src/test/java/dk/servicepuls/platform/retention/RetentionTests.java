package dk.servicepuls.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class RetentionTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** What the job asked a store, and how many cases the store says it erased each time. */
    private static final class RecordingStore implements ExpiredData {

        record Call(DepartmentScope scope, Instant cutoff, int limit) {
        }

        final List<Call> calls = new ArrayList<>();
        final Deque<Long> answers = new ArrayDeque<>();

        @Override
        public RetentionKind kind() {
            return RetentionKind.CASES;
        }

        @Override
        public long eraseBefore(DepartmentScope scope, Instant cutoff, int limit) {
            calls.add(new Call(scope, cutoff, limit));
            return answers.isEmpty() ? 0 : answers.pop();
        }
    }

    private static RetentionProperties properties(int batchSize) {
        return new RetentionProperties(Duration.ofHours(1), batchSize,
                new RetentionProperties.Policy(Period.ofMonths(60), Map.of("borgerservice", Period.ofMonths(12))), null);
    }

    @Test
    void aDepartmentWithAPeriodOfItsOwnIsTakenApartFromTheRestAtItsOwnCutoff() {
        RecordingStore store = new RecordingStore();
        Retention retention = new Retention(List.of(store), properties(500), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());

        retention.run();

        assertThat(store.calls).containsExactly(
                new RecordingStore.Call(DepartmentScope.only("borgerservice"), Instant.parse("2025-12-06T10:00:00Z"), 500),
                new RecordingStore.Call(DepartmentScope.allBut(Set.of("borgerservice")),
                        Instant.parse("2021-12-06T10:00:00Z"), 500));
    }

    @Test
    void theClockMovingOnMovesTheCutoffWithIt() {
        RecordingStore store = new RecordingStore();
        Clock later = Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(31));

        new Retention(List.of(store), properties(500), later, new SimpleMeterRegistry()).run();

        assertThat(store.calls.get(0).cutoff()).isEqualTo(Instant.parse("2026-01-06T10:00:00Z"));
    }

    @Test
    void monthsCountInTheCalendar() {
        assertThat(Retention.cutoff(Instant.parse("2027-03-31T12:00:00Z"), Period.ofMonths(1)))
                .isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
        assertThat(Retention.cutoff(Instant.parse("2028-02-29T00:00:00Z"), Period.ofYears(1)))
                .isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
    }

    @Test
    void fullBatchesAreFollowedByMoreUntilAStoreHasLessThanABatchLeft() {
        RecordingStore store = new RecordingStore();
        store.answers.addAll(List.of(10L, 10L, 3L));

        long erased = new Retention(List.of(store), properties(10), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry()).run();

        assertThat(erased).isEqualTo(23);
        // three batches for borgerservice, one (empty) for the rest
        assertThat(store.calls).hasSize(4);
    }

    @Test
    void aRunStopsAfterItsBoundOfBatchesAndLeavesTheRestToTheNext() {
        ExpiredData endless = new ExpiredData() {

            @Override
            public RetentionKind kind() {
                return RetentionKind.CASES;
            }

            @Override
            public long eraseBefore(DepartmentScope scope, Instant cutoff, int limit) {
                return limit;
            }
        };

        long erased = new Retention(List.of(endless), properties(10), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry()).run();

        assertThat(erased).isEqualTo(2L * Retention.MAX_BATCHES * 10);
    }

    @Test
    void theJobIsScheduledEveryIntervalUnlessTheIntervalIsZero() {
        Retention retention = new Retention(List.of(), properties(10), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());
        ScheduledTaskRegistrar on = new ScheduledTaskRegistrar();
        ScheduledTaskRegistrar off = new ScheduledTaskRegistrar();

        new RetentionScheduling(retention, properties(10)).configureTasks(on);
        new RetentionScheduling(retention, new RetentionProperties(Duration.ZERO, 10, properties(10).cases(), null))
                .configureTasks(off);

        assertThat(on.getFixedDelayTaskList()).singleElement()
                .satisfies(task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1)));
        assertThat(off.getFixedDelayTaskList()).isEmpty();
    }

    @Test
    void aScopeOfAllButSomeDepartmentsLeavesThoseOut() {
        DepartmentScope rest = DepartmentScope.allBut(Set.of("borgerservice"));

        assertThat(rest.includes("teknik-miljoe")).isTrue();
        assertThat(rest.includes("borgerservice")).isFalse();
        assertThat(rest.includes(null)).isFalse();
        assertThat(DepartmentScope.only("borgerservice").includes("borgerservice")).isTrue();
        assertThat(DepartmentScope.only("borgerservice").includes("teknik-miljoe")).isFalse();
    }

    @Test
    void eachKindIsTakenAtItsOwnPeriodByTheStoresOfThatKindOnly() {
        RecordingStore cases = new RecordingStore();
        List<Instant> feedbackCutoffs = new ArrayList<>();
        ExpiredData feedback = new ExpiredData() {

            @Override
            public RetentionKind kind() {
                return RetentionKind.UNLINKED;
            }

            @Override
            public long eraseBefore(DepartmentScope scope, Instant cutoff, int limit) {
                feedbackCutoffs.add(cutoff);
                return 0;
            }
        };

        new Retention(List.of(cases, feedback), properties(500), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry()).run();

        // cases: borgerservice's own and the rest; events without a case: 24 months by default, for every department
        assertThat(cases.calls).hasSize(2);
        assertThat(feedbackCutoffs).containsExactly(Instant.parse("2024-12-06T10:00:00Z"));
    }

    @Test
    void aKindWithOnlyADepartmentsPeriodSetKeepsItsDefaultForTheRest() {
        RetentionProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
                "servicepuls.retention.cases.departments.borgerservice", "12m")))
                .bind("servicepuls.retention", RetentionProperties.class).get();

        assertThat(bound.cases().keep()).isEqualTo(Period.ofMonths(60));
        assertThat(bound.cases().departments()).containsEntry("borgerservice", Period.ofMonths(12));
        assertThat(bound.unlinked().keep()).isEqualTo(Period.ofMonths(24));
        assertThat(bound.interval()).isEqualTo(Duration.ofHours(1));
    }
}
