package dk.servicepuls.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Batches of case.opened and contact.recorded events posted to contact-service by {@code --http-senders} senders at
 * once (each sends its next batch when the last is answered, as several departments' systems do): how many it
 * accepts per second (each 202 means published and stored), and how fast they then reach {@code contact.events}.
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
        AtomicInteger nextBatch = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(settings.httpSenders());
        try (Progress.Phase progress = context.progress().track(Goals.HTTP + " accepted", total, accepted::get)) {
            List<Future<?>> sending = new ArrayList<>();
            for (int sender = 0; sender < settings.httpSenders(); sender++) {
                sending.add(senders.submit(() -> {
                    for (int batch = nextBatch.getAndIncrement(); batch < settings.httpBatches()
                            && System.nanoTime() < deadline; batch = nextBatch.getAndIncrement()) {
                        sendBatch(ingest, events, batch, deadline, offered, accepted);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : sending) {
                awaitSender(sender);
            }
        }
        finally {
            senders.shutdownNow();
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

    private void sendBatch(URI ingest, IngestPairs events, int batch, long deadline, AtomicLong offered,
            AtomicLong accepted) throws IOException, InterruptedException {
        int size = context.settings().batchSize();
        List<GeneratedEvent> body = new ArrayList<>(size);
        synchronized (events) { // its random source is not for several threads
            for (int i = 0; i < size; i++) {
                body.add(events.event((long) batch * size + i));
            }
        }
        HttpResponse<String> answer = context.http().send(HttpRequest.newBuilder(ingest)
                .timeout(Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime())))
                .header("Content-Type", "application/cloudevents-batch+json").header("Authorization", context.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(GeneratedEvent.batchJson(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        offered.addAndGet(body.size());
        Matcher count = ACCEPTED.matcher(answer.body());
        if (answer.statusCode() / 100 != 2 || !count.find()) {
            throw new IllegalStateException("contact-service answered a batch with " + answer.statusCode());
        }
        accepted.addAndGet(Long.parseLong(count.group(1)));
    }

    /** Waits for one sender; its failure ends the phase with the cause the sender met. */
    private static void awaitSender(Future<?> sender) throws IOException, InterruptedException {
        try {
            sender.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }
}
