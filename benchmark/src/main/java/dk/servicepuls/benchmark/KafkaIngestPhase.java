package dk.servicepuls.benchmark;

import java.time.Duration;

import dk.servicepuls.benchmark.kafka.ArrivalLog;
import dk.servicepuls.benchmark.kafka.CeilingResult;
import dk.servicepuls.benchmark.kafka.IngestProducer;
import dk.servicepuls.benchmark.load.CaseEvents;
import dk.servicepuls.benchmark.load.IngestPairs;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.Results;

/**
 * Records produced to {@code ingest.contact} as fast as the producer goes, and the rate at which contact-service
 * gets them through to {@code contact.events}, against the producer ceiling on the same broker.
 */
final class KafkaIngestPhase {

    private static final String TAG = "kafka";

    private final PhaseContext context;

    KafkaIngestPhase(PhaseContext context) {
        this.context = context;
    }

    Results.Ingest run(CeilingResult ceiling) throws InterruptedException {
        BenchmarkSettings settings = context.settings();
        int total = settings.kafkaRecords();
        long backlog = context.backlog().outstanding();
        ArrivalLog log = context.watcher().watch(TAG, total);
        IngestPairs events = new IngestPairs(TAG, new CaseEvents(2));
        long started = System.nanoTime();
        long deadline = started + settings.phaseLimit().toNanos();
        long sent = 0;
        double sendSeconds;
        long acknowledged;
        try (IngestProducer producer = new IngestProducer(context.ports().bootstrapServers())) {
            context.backlog().add(log, producer::acknowledged);
            try (Progress.Phase progress = context.progress().track(Goals.KAFKA + " produced", total, producer::acknowledged)) {
                for (; sent < total && System.nanoTime() < deadline; sent++) {
                    producer.send(events.event(sent));
                }
                producer.flush();
            }
            sendSeconds = (System.nanoTime() - started) / 1e9;
            acknowledged = producer.acknowledged();
            if (producer.failure() != null) {
                throw new IllegalStateException("Producing to ingest.contact failed: " + producer.failure().getMessage());
            }
        }
        try (Progress.Phase progress = context.progress().track(Goals.KAFKA + " on contact.events", acknowledged, log::count)) {
            Arrivals.await(log, acknowledged, deadline);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long reached = log.count();
        double reachSeconds = Arrivals.secondsToLast(log, started);
        double reachedRate = Arrivals.rate(reached, reachSeconds);
        return new Results.Ingest("Kafka ingest", sent, acknowledged, sendSeconds, Arrivals.rate(acknowledged, sendSeconds),
                reached, reachSeconds, reachedRate, ceiling == null ? 0 : reachedRate / ceiling.recordsPerSecond(),
                backlog, Format.reached(reached, total, took) + (reached < total ? " on contact.events" : "")
                        + Backlogs.behind(backlog));
    }
}
