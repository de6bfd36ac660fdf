package dk.servicepuls.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import dk.servicepuls.benchmark.platform.JitProbe;

/**
 * Cuts the execution samples of a phase out of the platform's JFR recording and counts them by top frame (self
 * time) and by thread-name prefix ({@code http-nio-8081-exec-3} and {@code -exec-7} are one pool), and the embedded
 * store's writes and commits in it by collection.
 */
public final class JfrProfiler {

    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    private static final String CPU_LOAD = "jdk.CPULoad";
    private static final String COMPILER_STATISTICS = "jdk.CompilerStatistics";
    private static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";
    /** The embedded store's own events (embedded-store's {@code StoreWriteEvent} and {@code StoreCommitEvent}). */
    private static final String STORE_WRITE = "dk.servicepuls.store.Write";
    private static final String STORE_COMMIT = "dk.servicepuls.store.Commit";
    private static final List<String> COMPACTION_PARTS = List.of("compacting", "moving");
    private static final int STORE_WRITE_ROWS = 15;
    private static final Pattern NUMBERS = Pattern.compile("\\d+");
    private static final int HOT_METHODS = 15;
    private static final int THREAD_GROUPS = 10;
    private static final int FRAMES_PER_GROUP = 3;

    private JfrProfiler() {
    }

    /** @param missed what each phase missed, by phase name; only those phases are profiled */
    public static List<Results.Profile> profile(Path recording, List<Results.PhaseWindow> windows,
            Map<String, String> missed) {
        List<Results.PhaseWindow> wanted = windows.stream().filter(window -> missed.containsKey(window.phase())).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        if (recording == null || !Files.isRegularFile(recording)) {
            return wanted.stream().map(window -> new Results.Profile(window.phase(), missed.get(window.phase()), 0,
                    List.of(), List.of(), List.of(), null, null, "no JFR recording was written (the platform did not stop cleanly)"))
                    .toList();
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        wanted.forEach(window -> tallies.put(window.phase(), new Tally()));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                boolean sample = type.equals(EXECUTION_SAMPLE) && event.getStackTrace() != null
                        && !event.getStackTrace().getFrames().isEmpty();
                if (!sample && !type.equals(STORE_WRITE) && !type.equals(STORE_COMMIT) && !type.equals(CPU_LOAD)
                        && !type.equals(COMPILER_STATISTICS) && !type.equals(THREAD_CPU_LOAD)) {
                    continue;
                }
                Instant at = event.getStartTime();
                for (Results.PhaseWindow window : wanted) {
                    if (!at.isBefore(window.start()) && !at.isAfter(window.end())) {
                        Tally tally = tallies.get(window.phase());
                        if (sample) {
                            tally.add(event);
                        }
                        else if (type.equals(STORE_WRITE)) {
                            tally.write(event);
                        }
                        else if (type.equals(CPU_LOAD)) {
                            tally.cpuLoad(event);
                        }
                        else if (type.equals(COMPILER_STATISTICS)) {
                            tally.compilerStatistics(event);
                        }
                        else if (type.equals(THREAD_CPU_LOAD)) {
                            tally.threadCpuLoad(event);
                        }
                        else {
                            tally.commit(event);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            return wanted.stream().map(window -> new Results.Profile(window.phase(), missed.get(window.phase()), 0,
                    List.of(), List.of(), List.of(), null, null, "the JFR recording could not be read: " + e.getMessage())).toList();
        }
        List<Results.Profile> profiles = new ArrayList<>();
        tallies.forEach((phase, tally) -> profiles.add(tally.profile(phase, missed.get(phase))));
        return profiles;
    }

    static String threadGroup(String threadName) {
        return threadName == null ? "(unnamed)" : NUMBERS.matcher(threadName).replaceAll("#");
    }

    /** A thread's Java name, or its OS name for a thread the JVM did not start; null without a thread. */
    private static String nameOf(RecordedThread thread) {
        return thread == null ? null : thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }

        private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static final class Tally {

        private long samples;
        private final Map<String, Long> methods = new HashMap<>();
        private final Map<String, Long> groups = new HashMap<>();
        private final Map<String, Map<String, Long>> groupMethods = new HashMap<>();
        private final Map<List<String>, long[]> writes = new HashMap<>();
        private long commits;
        private long commitNanos;
        private long compactingNanos;
        private long cpuReadings;
        private double machineBusy;
        private double platformBusy;
        private long firstCompiles = -1;
        private long firstCompileMillis;
        private long lastCompiles;
        private long lastCompileMillis;
        /** Per compiler thread: the sum of its readings and how many there were. */
        private final Map<String, double[]> compilerLoads = new HashMap<>();

        /** A store write: commands, documents and nanoseconds by collection and command. */
        void write(RecordedEvent event) {
            String collection = event.getString("database") + "." + event.getString("collection");
            long[] counts = writes.computeIfAbsent(List.of(collection, String.valueOf(event.getString("command"))),
                    any -> new long[3]);
            counts[0]++;
            counts[1] += event.getInt("documents");
            counts[2] += event.getDuration().toNanos();
        }

        void cpuLoad(RecordedEvent event) {
            cpuReadings++;
            machineBusy += event.getFloat("machineTotal");
            platformBusy += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
        }

        /** A running total, read once a second: the phase's share is the last reading less the first. */
        void compilerStatistics(RecordedEvent event) {
            long count = event.getInt("compileCount");
            long millis = event.getDuration("totalTimeSpent").toMillis();
            if (firstCompiles < 0) {
                firstCompiles = count;
                firstCompileMillis = millis;
            }
            lastCompiles = count;
            lastCompileMillis = millis;
        }

        /** A thread's share of the machine's CPU over the last period: a compiler thread's are kept. */
        void threadCpuLoad(RecordedEvent event) {
            String name = nameOf(event.getThread("eventThread"));
            if (name != null && JitProbe.isCompilerThread(name)) {
                double[] load = compilerLoads.computeIfAbsent(name, any -> new double[2]);
                load[0] += event.getFloat("user") + event.getFloat("system");
                load[1]++;
            }
        }

        /** The compiler threads' mean shares, summed; -1 without readings. */
        private double compilerBusy() {
            return compilerLoads.isEmpty() ? -1
                    : compilerLoads.values().stream().mapToDouble(load -> load[0] / load[1]).sum();
        }

        void commit(RecordedEvent event) {
            commits++;
            commitNanos += event.getDuration().toNanos();
            // the fields came with the store's compaction passes; an older platform's recording has none
            for (String part : COMPACTION_PARTS) {
                if (event.hasField(part)) {
                    compactingNanos += event.getLong(part);
                }
            }
        }

        void add(RecordedEvent sample) {
            samples++;
            String top = frame(sample.getStackTrace().getFrames().get(0));
            String group = threadGroup(nameOf(sample.getThread("sampledThread")));
            methods.merge(top, 1L, Long::sum);
            groups.merge(group, 1L, Long::sum);
            groupMethods.computeIfAbsent(group, any -> new HashMap<>()).merge(top, 1L, Long::sum);
        }

        Results.Profile profile(String phase, String missed) {
            List<Results.ThreadGroup> threads = top(groups, THREAD_GROUPS).stream()
                    .map(group -> new Results.ThreadGroup(group.frame(), group.samples(), group.share(),
                            top(groupMethods.get(group.frame()), FRAMES_PER_GROUP)))
                    .toList();
            List<Results.StoreWrites> storeWrites = writes.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> entry) -> entry.getValue()[1])
                            .reversed().thenComparing(entry -> entry.getKey().toString()))
                    .limit(STORE_WRITE_ROWS)
                    .map(entry -> new Results.StoreWrites(entry.getKey().get(0), entry.getKey().get(1),
                            entry.getValue()[0], entry.getValue()[1], entry.getValue()[2] / 1e9))
                    .toList();
            return new Results.Profile(phase, missed, samples, top(methods, HOT_METHODS), threads, storeWrites,
                    new Results.StoreCommits(commits, commitNanos / 1e9, compactingNanos / 1e9), cpu(),
                    samples == 0 ? "no execution samples in the phase's time window" : null);
        }

        private Results.Cpu cpu() {
            return new Results.Cpu(cpuReadings == 0 ? -1 : machineBusy / cpuReadings,
                    cpuReadings == 0 ? -1 : platformBusy / cpuReadings,
                    firstCompiles < 0 ? 0 : lastCompiles - firstCompiles,
                    firstCompiles < 0 ? 0 : (lastCompileMillis - firstCompileMillis) / 1e3,
                    compilerBusy());
        }

        private List<Results.Frame> top(Map<String, Long> counts, int limit) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(entry -> new Results.Frame(entry.getKey(), entry.getValue(), (double) entry.getValue() / total))
                    .toList();
        }
    }
}
