package dk.servicepuls.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dk.servicepuls.benchmark.kafka.ArrivalLog;
import dk.servicepuls.benchmark.kafka.IngestProducer;
import dk.servicepuls.benchmark.load.CaseEvents;
import dk.servicepuls.benchmark.load.IngestPairs;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.Results;

/**
 * A long stream through Kafka ingest: does the platform keep its pace as its store grows? The rate over the first
 * window of events reaching {@code contact.events} is compared with the rate over the last. The producer stays at
 * most {@code stream-ahead} events ahead of {@code contact.events}: enough to keep the platform busy, without leaving
 * a mountain of unread records behind for the phases after it when the time limit cuts the stream short.
 */
final class LongStreamPhase {

    private static final String TAG = "stream";

    private final PhaseContext context;

    LongStreamPhase(PhaseContext context) {
        this.context = context;
    }

    Results.Stream run() throws InterruptedException {
        BenchmarkSettings settings = context.settings();
        int total = (int) settings.events();
        int window = settings.effectiveWindow();
        long backlog = context.backlog().outstanding();
        ArrivalLog log = context.watcher().watch(TAG, total);
        AtomicLong produced = new AtomicLong();
        context.backlog().add(log, produced::get);
        IngestPairs events = new IngestPairs(TAG, new CaseEvents(3));
        long started = System.nanoTime();
        long deadline = started + settings.phaseLimit().toNanos();
        try (IngestProducer producer = new IngestProducer(context.ports().bootstrapServers());
                Progress.Phase progress = context.progress().track(Goals.STREAM + " on contact.events", total, log::count)) {
            Thread feeder = new Thread(() -> feed(producer, events, log, produced, total, deadline), "stream-feeder");
            feeder.start();
            Arrivals.await(log, total, deadline);
            feeder.interrupt();
            feeder.join();
        }
        long now = System.nanoTime();
        int reached = log.count();
        double first = reached == 0 ? 0 : reached >= window
                ? Arrivals.rate(window, (log.arrivalNanos(window - 1) - started) / 1e9)
                : Arrivals.rate(reached, (now - started) / 1e9);
        // before the stream completes, the last window is the latest one reached: how fast it goes now
        double last = reached > window
                ? Arrivals.rate(window, (log.arrivalNanos(reached - 1) - log.arrivalNanos(reached - 1 - window)) / 1e9)
                : 0;
        Duration took = Duration.ofNanos(now - started);
        return new Results.Stream(total, window, produced.get(), reached, took.toMillis() / 1000.0, first, last,
                first == 0 ? 0 : last / first, reached == total, backlog,
                Format.reached(reached, total, took) + (reached < total && reached > window
                        ? "; the last window is the latest " + Format.count(window) + " reached" : "")
                        + Backlogs.behind(backlog));
    }

    private void feed(IngestProducer producer, IngestPairs events, ArrivalLog log, AtomicLong produced, int total,
            long deadline) {
        int ahead = Math.max(1, context.settings().streamAhead());
        try {
            while (produced.get() < total && System.nanoTime() < deadline) {
                if (produced.get() - log.count() >= ahead) {
                    Thread.sleep(5);
                    continue;
                }
                producer.send(events.event(produced.get()));
                produced.incrementAndGet();
            }
            producer.flush();
        }
        catch (InterruptedException e) {
            // the phase is over
        }
    }
}
