package dk.servicepuls.benchmark.report;

import java.time.Instant;
import java.util.List;

/** The values of the report, one record per phase and part. */
public final class Results {

    private Results() {
    }

    /** When a phase ran, to cut its samples out of the JFR recording. */
    public record PhaseWindow(String phase, Instant start, Instant end) {
    }

    public record Ready(double seconds, String dataDir, long pid) {
    }

    /**
     * An ingest phase (HTTP batches or Kafka records) and how fast its events then reached {@code contact.events}.
     *
     * @param backlogAtStart events of earlier phases that had not reached {@code contact.events} when this one began
     * @param status         "complete", or how far it got within its time limit
     */
    public record Ingest(String channel, long offered, long accepted, double sendSeconds, double acceptedPerSecond,
            long reached, double reachSeconds, double reachedPerSecond, double ratioToCeiling, long backlogAtStart,
            String status) {
    }

    /**
     * The long stream through Kafka ingest.
     *
     * @param window            events per measured window (first and last)
     * @param lastToFirst       the last window's rate over the first's; 1.0 means no slowdown
     */
    public record Stream(long events, int window, long produced, long reached, double seconds,
            double firstWindowPerSecond, double lastWindowPerSecond, double lastToFirst, boolean complete,
            long backlogAtStart, String status) {
    }

    /**
     * Latency from a decision.pending's 202 to its task.created on {@code escalation.events}. Probes without a task
     * by the end count at the age they had then: a lower bound, never left out.
     */
    public record Latency(double seconds, long offered, double offeredPerSecond, double targetPerSecond, long probes,
            long answered, long unanswered, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
            String status) {
    }

    /** @param secondsToZero from the end of the load until the group's lag was zero; null when it never was */
    public record GroupDrain(String group, long lagWhenLoadStopped, Double secondsToZero, long lagAtEnd) {
    }

    /**
     * A second local mode running only analytics-service on an empty store, reading every topic from the beginning.
     *
     * @param recordsPerSecond   records read from its first commit to its last, the instance's start left out
     * @param withStartPerSecond records read over the time from spawning it, its start included
     */
    public record Replay(long records, long replayed, double readySeconds, double seconds, double recordsPerSecond,
            double withStartPerSecond, boolean complete, String status) {
    }

    /** Bytes; -1 where unknown. */
    public record Memory(long heapPeakSampled, long heapAtEnd, long rssPeakSampled, long rssAtEnd, long vmHwm) {
    }

    public record Goal(String what, String measured, String goal, boolean met, String phase) {
    }

    public record Frame(String frame, long samples, double share) {
    }

    public record ThreadGroup(String threads, long samples, double share, List<Frame> topFrames) {
    }

    /**
     * Where the platform spent its CPU during a phase that missed its goal (jdk.ExecutionSample, self time), and what
     * it wrote to the embedded store (the store's own JFR events): by collection and command, and its commits.
     */
    public record Profile(String phase, String missed, long samples, List<Frame> hotMethods, List<ThreadGroup> threads,
            List<StoreWrites> storeWrites, StoreCommits commits, Cpu cpu, String note) {
    }

    /**
     * The phase's CPU, which execution samples do not show whole: they leave out the JIT compiler's threads.
     *
     * @param machineBusy    the machine's CPU use, 0 to 1 (mean of jdk.CPULoad), or -1 without readings
     * @param platformBusy   the platform JVM's share of the machine's CPU, 0 to 1, or -1 without readings
     * @param compilations   methods the JIT compiled in the phase (jdk.CompilerStatistics)
     * @param compileSeconds the time those compilations took, summed (wall time of the compiler threads, waits for a
     *                       busy CPU included)
     * @param compilerBusy   the compiler threads' share of the machine's CPU, 0 to 1 (jdk.ThreadCPULoad), or -1
     *                       without readings
     */
    public record Cpu(double machineBusy, double platformBusy, long compilations, double compileSeconds,
            double compilerBusy) {
    }

    /**
     * @param collection {@code database.collection}
     * @param seconds    the commands' time as their callers waited for it, commits included
     */
    public record StoreWrites(String collection, String command, long commands, long documents, double seconds) {
    }

    /**
     * @param seconds           how long the commits held the store, each command waiting
     * @param compactingSeconds of that, how long they spent first rewriting or moving chunks to keep the file small
     */
    public record StoreCommits(long commits, double seconds, double compactingSeconds) {
    }

    public record Machine(int cores, String jdk, String os, long memoryBytes) {
    }
}
