package dk.servicepuls.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dk.servicepuls.benchmark.kafka.GroupLag;
import dk.servicepuls.benchmark.platform.LocalModeProcess;
import dk.servicepuls.benchmark.platform.PlatformPorts;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.Results;

/**
 * Replay: a second local mode ({@code --servicepuls.local.replay-from}) runs only analytics-service, on an empty store
 * of its own, and reads every topic the first one wrote from the beginning in a consumer group of its own, as a new
 * instance or a changed KPI formula does. Its speed is the records it has committed over time, counted from its
 * first commit (its start is reported apart). It has its own JFR recording, for the profile when it misses its goal.
 */
final class ReplayPhase {

    static final List<String> TOPICS = List.of("contact.events", "feedback.events", "escalation.events");
    static final String GROUP = "analytics-benchmark-replay";

    private static final long POLL_MILLIS = 250;

    private final PhaseContext context;
    private final Path workDir;

    ReplayPhase(PhaseContext context, Path workDir) {
        this.context = context;
        this.workDir = workDir;
    }

    Path recording() {
        return workDir.resolve("replay.jfr");
    }

    Results.Replay run() throws InterruptedException, ExecutionException, TimeoutException {
        BenchmarkSettings settings = context.settings();
        try (GroupLag offsets = new GroupLag(context.ports().bootstrapServers())) {
            long records = offsets.records(TOPICS);
            System.out.printf("[%s] %s records on %s; starting analytics-service alone on an empty store%n",
                    Goals.REPLAY, Format.count(records), String.join(", ", TOPICS));
            long spawned = System.nanoTime();
            try (LocalModeProcess replay = LocalModeProcess.spawn(settings.localJar(), workDir.resolve("replay-data"),
                    recording(), workDir.resolve("replay.log"), PlatformPorts.free(), settings.childJvm(),
                    List.of("--servicepuls.local.replay-from=" + context.ports().bootstrapServers(),
                            "--servicepuls.local.replay-group=" + GROUP))) {
                double readySeconds = replay.awaitReady(settings.readyLimit()).toMillis() / 1000.0;
                AtomicLong read = new AtomicLong();
                long deadline = System.nanoTime() + settings.replayLimit().toNanos();
                long firstAt = 0;
                long readAtFirst = 0;
                long lastAt = spawned;
                try (Progress.Phase progress = context.progress().track(Goals.REPLAY + " records read", records, read::get)) {
                    while (read.get() < records && System.nanoTime() < deadline && replay.isAlive()) {
                        long now = offsets.committed(GROUP, TOPICS);
                        if (now > read.get()) {
                            lastAt = System.nanoTime();
                            if (firstAt == 0) {
                                firstAt = lastAt;
                                readAtFirst = now;
                            }
                            read.set(now);
                        }
                        Thread.sleep(POLL_MILLIS);
                    }
                }
                boolean complete = read.get() >= records;
                double seconds = firstAt == 0 ? 0 : (lastAt - firstAt) / 1e9;
                double rate = seconds > 0 ? (read.get() - readAtFirst) / seconds : 0;
                double withStart = read.get() / Math.max(1e-9, (lastAt - spawned) / 1e9);
                String status = complete ? "complete" : Format.count(read.get()) + " of " + Format.count(records)
                        + " after " + Format.duration(Duration.ofNanos(System.nanoTime() - spawned))
                        + (replay.isAlive() ? "" : " (the replaying instance stopped)");
                System.out.printf("[%s] %s records in %s: %s, %s with its start of %s (%s)%n", Goals.REPLAY,
                        Format.count(read.get()), Format.seconds(seconds), Format.rate(rate), Format.rate(withStart),
                        Format.seconds(readySeconds), status);
                return new Results.Replay(records, read.get(), readySeconds, seconds, rate, withStart, complete, status);
            }
        }
    }
}
