package dk.servicepuls.analytics.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.servicepuls.analytics.AnalyticsServiceApplication;
import dk.servicepuls.analytics.facts.EventFacts;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.simulator.Municipality;
import dk.servicepuls.simulator.SimulatedEvent;
import dk.servicepuls.simulator.Simulation;
import dk.servicepuls.simulator.SimulationSettings;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The KPIs are a view of the topics: a new instance with an empty store and a consumer group of its own reads the
 * topics from the beginning and arrives at the same figures as the instance that read them live, every event
 * delivered twice included.
 */
@EmbeddedKafka(partitions = 2)
class ReplayIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String DEPARTMENT = "borgerservice";

    @Test
    void aNewInstanceReplayingTheTopicsFromTheBeginningComputesTheSameKpis(EmbeddedKafkaBroker broker) {
        Simulation simulation = Municipality.simulate(SimulationSettings.defaults().withSeed(5).withCases(400));
        List<SimulatedEvent> events = simulation.events();
        try (var records = new BinaryRecords(broker.getBrokersAsString(), "analytics-service");
                var live = RunningService.start(AnalyticsServiceApplication.class, EmbeddedStore.freshUri("live"),
                        broker.getBrokersAsString())) {
            await().atMost(WAIT).until(() -> records.ready(Topics.CONTACT_EVENTS, Topics.FEEDBACK_EVENTS,
                    Topics.ESCALATION_EVENTS));
            publish(records, events);
            publish(records, events.subList(0, events.size() / 3));   // a third of it delivered again
            await().atMost(WAIT).until(() -> facts(live) == events.size());

            long started = System.nanoTime();
            try (var replay = RunningService.start(AnalyticsServiceApplication.class, EmbeddedStore.freshUri("replay"),
                    broker.getBrokersAsString(), "--servicepuls.analytics.consumer-group=analytics-replay")) {
                await().atMost(WAIT).until(() -> facts(replay) == events.size());
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("replay: %d records (%d events) read from the beginning in %.1f s, %.0f records/s "
                        + "(start of the instance included)%n", events.size() * 4 / 3, events.size(), seconds,
                        events.size() * 4 / 3 / seconds);

                KpiQuery query = new KpiQuery(DEPARTMENT, null, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"),
                        Granularity.MONTH);
                KpiReport liveReport = live.bean(Kpis.class).report(query);
                KpiReport replayed = replay.bean(Kpis.class).report(query);

                assertThat(liveReport.wholeRange().figure(Kpi.CONTACTS).value()).isPositive();
                assertSameFigures(replayed, liveReport);
                assertThat(replayed.callEffect().calledCases()).isEqualTo(liveReport.callEffect().calledCases());
                assertThat(replayed.callEffect().comparisonComplaints())
                        .isEqualTo(liveReport.callEffect().comparisonComplaints());
                assertThat(replayed.maturity()).isEqualTo(liveReport.maturity());
            }
        }
    }

    private static void publish(BinaryRecords records, List<SimulatedEvent> events) {
        Map<String, List<BinaryRecords.Outgoing>> byTopic = new LinkedHashMap<>();
        for (SimulatedEvent event : events) {
            Map<String, String> headers = BinaryRecords.headers(event.id(), event.type().type(), event.subject(),
                    event.department());
            headers.put("ce_source", event.source());
            headers.put("ce_time", event.time().toString());
            byTopic.computeIfAbsent(event.type().publishedTopic(), topic -> new ArrayList<>())
                    .add(new BinaryRecords.Outgoing(event.subject(), headers, event.data().toString()));
        }
        byTopic.forEach(records::sendAll);
    }

    private static long facts(RunningService service) {
        return service.bean(EventFacts.class).stored();
    }

    /** Equal to the last bits that the order of a floating-point sum may change. */
    private static void assertSameFigures(KpiReport actual, KpiReport expected) {
        assertThat(actual.periods()).hasSameSizeAs(expected.periods());
        List<KpiReport.PeriodKpis> periods = new ArrayList<>(expected.periods());
        periods.add(expected.wholeRange());
        List<KpiReport.PeriodKpis> actualPeriods = new ArrayList<>(actual.periods());
        actualPeriods.add(actual.wholeRange());
        for (int i = 0; i < periods.size(); i++) {
            for (Kpi kpi : Kpi.values()) {
                Figure want = periods.get(i).figure(kpi);
                Figure got = actualPeriods.get(i).figure(kpi);
                assertThat(got.n()).as(kpi.code() + " n in period " + i).isEqualTo(want.n());
                assertThat(got.suppressed()).isEqualTo(want.suppressed());
                if (want.value() == null) {
                    assertThat(got.value()).as(kpi.code()).isNull();
                }
                else {
                    assertThat(got.value()).as(kpi.code() + " in period " + i).isCloseTo(want.value(), within(1e-9));
                }
            }
            assertThat(actualPeriods.get(i).topTopics()).isEqualTo(periods.get(i).topTopics());
        }
    }
}
