package dk.servicepuls.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.servicepuls.benchmark.kafka.ArrivalLog;
import dk.servicepuls.benchmark.kafka.CeilingResult;
import dk.servicepuls.benchmark.load.CaseEvents;
import dk.servicepuls.benchmark.load.GeneratedEvent;
import dk.servicepuls.benchmark.load.IngestPairs;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.Results;

/**
 * Batches of case.opened and contact.recorded events posted one after the other to contact-service: how many it
 * accepts per second (each 202 means stored with its outbox entry), and how fast they then reach
 * {@code contact.events}.
 */
final class HttpBatchIngestPhase {

    private static final String TAG = "http";
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private final PhaseContext context;

    HttpBatchIngestPhase(PhaseContext context) {
        this.context = context;
    }

    Results.Ingest run(CeilingResult ceiling) throws IOException, InterruptedException {
        BenchmarkSettings settings = context.settings();
        long total = (long) settings.httpBatches() * settings.batchSize();
        long backlog = context.backlog().outstanding();
        ArrivalLog log = context.watcher().watch(TAG, (int) total);
        AtomicLong offered = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        context.backlog().add(log, offered::get);
        IngestPairs events = new IngestPairs(TAG, new CaseEvents(1));
        URI ingest = URI.create(context.ports().contactUrl() + "/api/v1/events");
        long started = System.nanoTime();
        long deadline = started + settings.phaseLimit().toNanos();
        try (Progress.Phase progress = context.progress().track(Goals.HTTP + " accepted", total, accepted::get)) {
            for (int batch = 0; batch < settings.httpBatches() && System.nanoTime() < deadline; batch++) {
                List<GeneratedEvent> body = new ArrayList<>(settings.batchSize());
                for (int i = 0; i < settings.batchSize(); i++) {
                    body.add(events.event((long) batch * settings.batchSize() + i));
                }
                HttpResponse<String> answer = context.http().send(HttpRequest.newBuilder(ingest)
                        .timeout(Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime())))
                        .header("Content-Type", "application/cloudevents-batch+json").header("Authorization", context.bearer())
                        .POST(HttpRequest.BodyPublishers.ofString(GeneratedEvent.batchJson(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                offered.addAndGet(body.size());
                Matcher count = ACCEPTED.matcher(answer.body());
                if (answer.statusCode() / 100 == 2 && count.find()) {
                    accepted.addAndGet(Long.parseLong(count.group(1)));
                }
                else {
                    throw new IllegalStateException("contact-service answered a batch with " + answer.statusCode());
                }
            }
        }
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        try (Progress.Phase progress = context.progress().track(Goals.HTTP + " on contact.events", accepted.get(),
                log::count)) {
            Arrivals.await(log, accepted.get(), deadline);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long reached = log.count();
        double reachSeconds = Arrivals.secondsToLast(log, started);
        double reachedRate = Arrivals.rate(reached, reachSeconds);
        String status = offered.get() < total ? Format.reached(offered.get(), total, took) + " batches' events sent"
                : Format.reached(reached, total, took) + (reached < total ? " on contact.events" : "");
        status += Backlogs.behind(backlog);
        return new Results.Ingest("HTTP batch ingest", offered.get(), accepted.get(), sendSeconds,
                Arrivals.rate(accepted.get(), sendSeconds), reached, reachSeconds, reachedRate,
                ceiling == null ? 0 : reachedRate / ceiling.recordsPerSecond(), backlog, status);
    }
}
