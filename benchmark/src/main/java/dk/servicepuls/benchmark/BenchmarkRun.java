package dk.servicepuls.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import dk.servicepuls.benchmark.kafka.CeilingResult;
import dk.servicepuls.benchmark.kafka.ProducerCeiling;
import dk.servicepuls.benchmark.kafka.TopicWatcher;
import dk.servicepuls.benchmark.platform.JitProbe;
import dk.servicepuls.benchmark.platform.LocalModeProcess;
import dk.servicepuls.benchmark.platform.MemoryProbe;
import dk.servicepuls.benchmark.platform.PlatformPorts;
import dk.servicepuls.benchmark.report.BenchReport;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.JfrProfiler;
import dk.servicepuls.benchmark.report.MachineInfo;
import dk.servicepuls.benchmark.report.ReportWriter;
import dk.servicepuls.benchmark.report.Results;
import dk.servicepuls.simulator.publish.ClientCredentials;

/**
 * One benchmark run, phase after phase, on a platform of its own. A phase that fails or runs out of time is written
 * down as such and the run goes on; the platform is stopped at the end whatever happened, and only then is its JFR
 * recording complete enough to profile the phases that missed their goals.
 */
final class BenchmarkRun {

    static final String READY = "ready";
    static final String CEILING = "producer-ceiling";
    static final String WARMUP = "warm-up";

    private final BenchmarkSettings settings;
    private final List<String> notes = new ArrayList<>();
    private final List<Results.PhaseWindow> windows = new ArrayList<>();

    BenchmarkRun(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** Runs every phase and writes the report; returns it. */
    BenchReport run() throws IOException, InterruptedException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Path workDir = settings.workDir() == null ? Files.createTempDirectory("servicepuls-benchmark-")
                : Files.createDirectories(settings.workDir());
        Path dataDir = workDir.resolve("data");
        Path jfr = workDir.resolve("platform.jfr");
        Path log = workDir.resolve("platform.log");
        PlatformPorts ports = settings.defaultPorts() ? PlatformPorts.defaults() : PlatformPorts.free();
        System.out.printf("Starting the local mode (data, log and JFR recording in %s)%n", workDir);
        notes.add("The platform's log and JFR recording are in " + workDir + ".");

        Results.Ready ready = null;
        CeilingResult ceiling = null;
        Results.Latency latency = null;
        Results.Ingest http = null;
        Results.Ingest kafka = null;
        Results.Stream stream = null;
        List<Results.GroupDrain> lag = null;
        Results.Replay replay = null;
        Results.Memory memory = null;
        ReplayPhase replaying = null;

        LocalModeProcess platform = LocalModeProcess.spawn(settings.localJar(), dataDir, jfr, log, ports, settings.childJvm());
        Thread stopOnExit = new Thread(platform::close, "stop-local-mode");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try (Progress progress = new Progress(settings.progressSeconds())) {
            Instant spawned = Instant.now();
            Duration toReady = platform.awaitReady(settings.readyLimit());
            windows.add(new Results.PhaseWindow(READY, spawned, Instant.now()));
            ready = new Results.Ready(toReady.toMillis() / 1000.0, dataDir.toString(), platform.pid());
            System.out.printf("[%s] the local mode is ready after %s%n", READY, Format.seconds(ready.seconds()));

            try (TopicWatcher watcher = new TopicWatcher(ports.bootstrapServers());
                    MemoryTracker tracker = new MemoryTracker(new MemoryProbe(ports.contactUrl(), platform.pid()))) {
                HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                PhaseContext context = new PhaseContext(settings, ports, watcher, httpClient, progress, new Backlog(),
                        ClientCredentials.demoSender(URI.create(ports.identityUrl())));

                ceiling = phase(CEILING, () -> new ProducerCeiling(ports.bootstrapServers()).measure(
                        settings.ceilingRecords(), settings.phaseLimit(), acknowledged -> { }));
                if (ceiling != null) {
                    System.out.printf("[%s] %s%n", CEILING, Format.rate(ceiling.recordsPerSecond()));
                }
                Settling settling = new Settling(context, notes);
                if (settings.warmupSeconds() > 0) {
                    JitWatch jit = new JitWatch(new JitProbe(platform.pid()),
                            new JitSettling(Duration.ofSeconds(15), 0.15));
                    Results.Latency cold = phase(WARMUP, () -> new LatencyPhase(context, WARMUP, "warm",
                            Duration.ofSeconds(settings.warmupSeconds()),
                            Duration.ofSeconds(settings.warmupLimitSeconds()), jit).run());
                    System.out.printf("[%s] %s%n", WARMUP, jit.state());
                    if (cold != null) {
                        notes.add(warmupNote(cold, jit));
                    }
                    settling.after(WARMUP);
                }
                latency = phase(Goals.LATENCY, () -> new LatencyPhase(context, Goals.LATENCY, "mixed",
                        Duration.ofSeconds(settings.latencySeconds())).run());
                CeilingResult yardstick = ceiling;
                settling.after(Goals.LATENCY);
                http = phase(Goals.HTTP, () -> new HttpBatchIngestPhase(context).run(yardstick));
                settling.after(Goals.HTTP);
                kafka = phase(Goals.KAFKA, () -> new KafkaIngestPhase(context).run(yardstick));
                settling.after(Goals.KAFKA);
                stream = phase(Goals.STREAM, () -> new LongStreamPhase(context).run());
                long left = context.backlog().outstanding();
                if (left > 0) {
                    notes.add(Format.count(left) + " events sent by the benchmark had not reached contact.events when the load stopped.");
                }
                lag = phase(Goals.LAG, () -> new LagAfterLoadPhase(context).run());
                memory = tracker.summary();
                if (settings.replay()) {
                    ReplayPhase phase = new ReplayPhase(context, workDir);
                    replaying = phase;
                    replay = phase(Goals.REPLAY, phase::run);
                }
            }
        }
        catch (RuntimeException | TimeoutException e) {
            notes.add("The run stopped early: " + e.getMessage());
            System.out.println("The run stopped early: " + e.getMessage());
        }
        finally {
            System.out.println("Stopping the local mode");
            platform.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }

        List<Results.Goal> goals = Goals.judge(ceiling, http, kafka, stream, latency, lag, replay);
        Map<String, String> missed = new LinkedHashMap<>();
        goals.stream().filter(goal -> !goal.met()).forEach(goal -> missed.merge(goal.phase(), goal.what(),
                (one, other) -> one + "; " + other));
        // the replay ran in a process of its own, with a recording of its own; the platform's shows the other phases
        List<Results.Profile> profiles = new ArrayList<>(JfrProfiler.profile(jfr, windows.stream()
                .filter(window -> !window.phase().equals(Goals.REPLAY)).toList(), missed));
        if (replaying != null && missed.containsKey(Goals.REPLAY)) {
            profiles.addAll(JfrProfiler.profile(replaying.recording(), windows.stream()
                    .filter(window -> window.phase().equals(Goals.REPLAY)).toList(),
                    Map.of(Goals.REPLAY, missed.get(Goals.REPLAY))));
        }
        BenchReport report = new BenchReport(startedAt, MachineInfo.commit(), MachineInfo.describe(),
                settings.asReport(), ready, ceiling, latency, http, kafka, stream, lag, replay, memory, goals, profiles,
                notes);
        new ReportWriter().write(report, settings.out());
        if (!settings.keepData()) {
            delete(dataDir);
        }
        return report;
    }

    private <T> T phase(String name, Callable<T> phase) {
        Instant start = Instant.now();
        System.out.printf("[%s] starting%n", name);
        try {
            return phase.call();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in " + name, e);
        }
        catch (Exception e) {
            notes.add("Phase " + name + " failed: " + e);
            System.out.printf("[%s] failed: %s%n", name, e);
            return null;
        }
        finally {
            windows.add(new Results.PhaseWindow(name, start, Instant.now()));
        }
    }

    /** The warm-up is not judged; what a platform just started does under the same load is still worth reading. */
    private static String warmupNote(Results.Latency cold, JitWatch jit) {
        return String.format(Locale.ROOT, "Warm-up (the latency phase's load for %s on the platform just started, not "
                + "judged): p50 %s, p99 %s at %s offered; %s. At its end %s.", Format.seconds(cold.seconds()),
                Format.millis(cold.p50Millis()), Format.millis(cold.p99Millis()), Format.rate(cold.offeredPerSecond()),
                cold.status(), jit.state());
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
