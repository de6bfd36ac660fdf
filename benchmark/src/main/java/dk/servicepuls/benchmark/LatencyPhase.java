package dk.servicepuls.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;

import dk.servicepuls.benchmark.kafka.ArrivalLog;
import dk.servicepuls.benchmark.kafka.IngestProducer;
import dk.servicepuls.benchmark.load.CaseEvents;
import dk.servicepuls.benchmark.load.EventIds;
import dk.servicepuls.benchmark.load.GeneratedEvent;
import dk.servicepuls.benchmark.load.MixedLoad;
import dk.servicepuls.benchmark.load.SyntheticCaseLifecycles;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.Results;

/**
 * End-to-end latency under mixed load. The background load goes to {@code ingest.contact} at a steady rate, so what
 * is offered does not depend on how fast the platform answers; probes go over HTTP as a department system would
 * send them: a case.opened, then a decision.pending with an expected rejection, timed from its 202 to the
 * task.created that escalation-service publishes for the case. Once a probe's task is there, its case gets its
 * decision.made and case.closed, as the rest of the mix does.
 */
final class LatencyPhase {

    private static final long TICK_MILLIS = 10;
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final PhaseContext context;
    private final String name;
    private final MixedLoad load;
    private final Duration loadFor;
    private final Duration loadLimit;
    private final BooleanSupplier goOn;
    private final String backgroundTag;
    private final String probeTag;
    private final String probeCloseTag;
    private final CaseEvents probeEvents = new CaseEvents(5);
    private final Map<String, long[]> waiting = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> toClose = new ConcurrentLinkedQueue<>();
    private final Histogram latencies = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong backgroundSent = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong closeIds = new AtomicLong();

    /**
     * @param tag what the load's and the probes' events are tagged with; a warm-up and the measured run need tags of
     *            their own, so that neither takes the other's events for its own
     */
    LatencyPhase(PhaseContext context, String name, String tag, Duration loadFor) {
        this(context, name, tag, loadFor, loadFor, () -> false);
    }

    /**
     * A load that runs at least {@code loadFor} and then on while {@code goOn} says so (asked every 50 ms from the
     * start, so that it can watch the whole run), at most {@code loadLimit}.
     */
    LatencyPhase(PhaseContext context, String name, String tag, Duration loadFor, Duration loadLimit,
            BooleanSupplier goOn) {
        this.context = context;
        this.name = name;
        this.load = new SyntheticCaseLifecycles(tag, new CaseEvents(4), 200);
        this.loadFor = loadFor;
        this.loadLimit = loadLimit.compareTo(loadFor) < 0 ? loadFor : loadLimit;
        this.goOn = goOn;
        this.backgroundTag = tag;
        this.probeTag = tag + "probe";
        this.probeCloseTag = tag + "probeclose";
    }

    Results.Latency run() throws InterruptedException {
        BenchmarkSettings settings = context.settings();
        long started = System.nanoTime();
        long deadline = started + Math.min(settings.phaseLimit().toNanos(), loadLimit.plus(GRACE).toNanos());
        context.watcher().onTaskCreated(this::taskCreated);
        // what the platform has not got through of the background load holds up the phases after this one
        ArrivalLog background = context.watcher().watch(backgroundTag,
                (int) Math.min(Integer.MAX_VALUE - 1, (long) settings.latencyRate() * loadLimit.toSeconds() + 10_000));
        context.backlog().add(background, backgroundSent::get);
        ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
        ExecutorService probing = Executors.newFixedThreadPool(8);
        // a load that may go on past loadFor counts towards its limit: the ETA is then the longest it can take
        long expectedProbes = (long) settings.probeRate() * loadLimit.toSeconds();
        try (IngestProducer producer = new IngestProducer(context.ports().bootstrapServers());
                Progress.Phase progress = context.progress().track(name + " probes answered", expectedProbes,
                        answered::get)) {
            double perTick = Math.max(0, settings.latencyRate() - 2.0 * settings.probeRate()) * TICK_MILLIS / 1000.0;
            double[] due = {0};
            schedule.scheduleAtFixedRate(() -> {
                due[0] += perTick;
                for (; due[0] >= 1; due[0]--) {
                    producer.send(load.next());
                    offered.incrementAndGet();
                    backgroundSent.incrementAndGet();
                }
                closeAnswered(producer);
            }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            long probeEveryMicros = 1_000_000L / Math.max(1, settings.probeRate());
            AtomicLong probeNumbers = new AtomicLong();
            schedule.scheduleAtFixedRate(() -> probing.submit(() -> probe(probeNumbers.getAndIncrement(), deadline)),
                    0, probeEveryMicros, TimeUnit.MICROSECONDS);
            long loadEnds = Math.min(deadline, started + loadFor.toNanos());
            long limitEnds = Math.min(deadline, started + loadLimit.toNanos());
            boolean more = true;
            while (more) {
                Thread.sleep(50);
                boolean wanted = goOn.getAsBoolean();
                long now = System.nanoTime();
                more = now < loadEnds || (now < limitEnds && wanted);
            }
            schedule.shutdownNow();
            // probes still queued would be sent after the load: drop them
            probing.shutdownNow();
            probing.awaitTermination(10, TimeUnit.SECONDS);
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            while (hasUnanswered() && System.nanoTime() < deadline) {
                closeAnswered(producer);
                Thread.sleep(50);
            }
            closeAnswered(producer);
            long unanswered = countUnansweredAsTheirAge();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return result(loadSeconds, unanswered, took);
        }
        finally {
            context.watcher().onTaskCreated((caseId, at) -> { });
            schedule.shutdownNow();
            probing.shutdownNow();
        }
    }

    private void probe(long number, long deadline) {
        String caseId = CaseEvents.caseId(probeTag, number);
        String department = CaseEvents.department(number);
        // [sent, accepted, done]: a task published before the 202 is read back is timed from the send
        long[] times = {0, 0, 0};
        try {
            if (post(probeEvents.caseOpened(EventIds.of(probeTag, 2 * number), caseId, department), deadline) != 202) {
                return;
            }
            offered.incrementAndGet();
            times[0] = System.currentTimeMillis();
            waiting.put(caseId, times);
            int status = post(probeEvents.rejectionPending(EventIds.of(probeTag, 2 * number + 1), caseId, department),
                    deadline);
            if (status == 202) {
                times[1] = System.currentTimeMillis();
                offered.incrementAndGet();
                probes.incrementAndGet();
                return;
            }
        }
        catch (IOException e) {
            // not answered in time: no probe; the offered rate shows the shortfall
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (times[1] == 0) {
            waiting.remove(caseId);
        }
    }

    private int post(GeneratedEvent event, long deadline) throws IOException, InterruptedException {
        return context.http().send(HttpRequest.newBuilder(URI.create(context.ports().contactUrl() + "/api/v1/events"))
                .timeout(Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime())))
                .header("Content-Type", "application/cloudevents+json").header("Authorization", context.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(event.structuredJson())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void taskCreated(String caseId, long publishedAtMillis) {
        long[] times = caseId == null ? null : waiting.get(caseId);
        if (times == null) {
            return;
        }
        synchronized (times) {
            if (times[2] != 0) {
                return;
            }
            times[2] = 1;
        }
        long from = times[1] != 0 ? times[1] : times[0];
        record(Math.max(0, publishedAtMillis - from));
        answered.incrementAndGet();
        waiting.remove(caseId);
        toClose.add(caseId);
    }

    private void closeAnswered(IngestProducer producer) {
        for (String caseId = toClose.poll(); caseId != null; caseId = toClose.poll()) {
            String department = CaseEvents.department(EventIds.number(caseId));
            producer.send(probeEvents.decisionMade(EventIds.of(probeCloseTag, closeIds.getAndIncrement()), caseId, department));
            producer.send(probeEvents.caseClosed(EventIds.of(probeCloseTag, closeIds.getAndIncrement()), caseId, department));
            offered.addAndGet(2);
        }
    }

    private boolean hasUnanswered() {
        return !waiting.isEmpty();
    }

    /** Probes still waiting count at the age they have now: a lower bound on their latency, never left out. */
    private long countUnansweredAsTheirAge() {
        long now = System.currentTimeMillis();
        long unanswered = 0;
        for (long[] times : waiting.values()) {
            synchronized (times) {
                if (times[2] != 0) {
                    continue;
                }
                times[2] = 1;
            }
            record(now - (times[1] != 0 ? times[1] : times[0]));
            unanswered++;
        }
        waiting.clear();
        return unanswered;
    }

    private void record(long millis) {
        synchronized (latencies) {
            latencies.recordValue(Math.min(millis, latencies.getHighestTrackableValue()));
        }
    }

    private Results.Latency result(double loadSeconds, long unanswered, Duration took) {
        synchronized (latencies) {
            boolean any = latencies.getTotalCount() > 0;
            String status = unanswered == 0 ? "every probe got its task"
                    : Format.count(unanswered) + " of " + Format.count(probes.get()) + " probes had no task after "
                            + Format.duration(took) + " (counted at that age)";
            return new Results.Latency(loadSeconds, offered.get(), Arrivals.rate(offered.get(), loadSeconds),
                    context.settings().latencyRate(), probes.get(), answered.get(), unanswered,
                    any ? latencies.getValueAtPercentile(50) : 0, any ? latencies.getValueAtPercentile(95) : 0,
                    any ? latencies.getValueAtPercentile(99) : 0, any ? latencies.getMaxValue() : 0, status);
        }
    }
}
