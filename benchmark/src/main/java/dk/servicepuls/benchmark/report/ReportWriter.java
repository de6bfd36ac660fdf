package dk.servicepuls.benchmark.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dk.servicepuls.benchmark.kafka.CeilingResult;

/** Writes {@code bench-report.json} (everything) and {@code bench-report.md} (the goals table first, then the rest). */
public final class ReportWriter {

    public static final String JSON = "bench-report.json";
    public static final String MARKDOWN = "bench-report.md";

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(BenchReport report, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(JSON), json.writeValueAsString(report), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(MARKDOWN), markdown(report), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + folder, e);
        }
    }

    String markdown(BenchReport report) {
        StringBuilder md = new StringBuilder("# Servicepuls benchmark\n\n");
        md.append("Run at ").append(report.generatedAt()).append(" on commit `").append(report.commit()).append("`.\n\n");

        md.append("## Goals\n\n| what | measured | goal | met? |\n|---|---|---|---|\n");
        for (Results.Goal goal : report.goals()) {
            md.append(row(goal.what(), goal.measured(), goal.goal(), goal.met() ? "yes" : "**no**"));
        }

        md.append("\n## Measurements\n\n| what | measured |\n|---|---|\n");
        measurements(report, md);

        md.append("\n## Consumer lag after the load\n\n");
        if (report.lagAfterLoad() == null) {
            md.append("Not measured (the run did not get that far).\n");
        }
        else {
            md.append("| group | lag when the load stopped | time to zero lag | lag at the end |\n|---|---|---|---|\n");
            for (Results.GroupDrain group : report.lagAfterLoad()) {
                md.append(row(group.group(), Format.count(group.lagWhenLoadStopped()),
                        group.secondsToZero() == null ? "**not within the limit**" : Format.seconds(group.secondsToZero()),
                        Format.count(group.lagAtEnd())));
            }
        }

        md.append("\n## Memory\n\nThe one JVM of the local mode (broker, store and all services).\n\n");
        Results.Memory memory = report.memory();
        if (memory == null) {
            md.append("Not measured.\n");
        }
        else {
            md.append("| what | measured |\n|---|---|\n")
                    .append(row("heap used, highest sample", Format.bytes(memory.heapPeakSampled())))
                    .append(row("heap used at the end", Format.bytes(memory.heapAtEnd())))
                    .append(row("resident (VmRSS), highest sample", Format.bytes(memory.rssPeakSampled())))
                    .append(row("resident at the end", Format.bytes(memory.rssAtEnd())))
                    .append(row("resident high-water mark (VmHWM)", Format.bytes(memory.vmHwm())));
        }

        md.append("\n## Profiles of missed targets\n\n");
        profiles(report.profiles(), md);

        md.append("\n## Machine\n\n| what | value |\n|---|---|\n");
        if (report.machine() != null) {
            md.append(row("cores", String.valueOf(report.machine().cores())))
                    .append(row("memory", Format.bytes(report.machine().memoryBytes())))
                    .append(row("JDK", report.machine().jdk()))
                    .append(row("OS", report.machine().os()));
        }
        md.append(row("commit", report.commit()));

        md.append("\n## Settings\n\n| setting | value |\n|---|---|\n");
        report.settings().forEach((name, value) -> md.append(row(name, value)));

        md.append("\n## Notes\n\n");
        if (report.notes().isEmpty()) {
            md.append("None.\n");
        }
        report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    private static void measurements(BenchReport report, StringBuilder md) {
        if (report.ready() != null) {
            md.append(row("time to ready (spawn to the ready line)", Format.seconds(report.ready().seconds())));
        }
        CeilingResult ceiling = report.ceiling();
        if (ceiling != null) {
            md.append(row("producer ceiling (acks=all, idempotent, " + ceiling.valueBytes() + " B, "
                    + ceiling.partitions() + " partitions)", Format.rate(ceiling.recordsPerSecond()) + " ("
                    + Format.count(ceiling.acknowledged()) + " of " + Format.count(ceiling.requested()) + " in "
                    + Format.seconds(ceiling.seconds()) + ")"));
        }
        Results.Latency latency = report.latency();
        if (latency != null) {
            md.append(row("latency phase: offered", Format.rate(latency.offeredPerSecond()) + " of "
                    + Format.rate(latency.targetPerSecond()) + " targeted (" + Format.count(latency.offered())
                    + " events in " + Format.seconds(latency.seconds()) + ")"));
            md.append(row("latency p50 / p95 / p99 / max", Format.millis(latency.p50Millis()) + " / "
                    + Format.millis(latency.p95Millis()) + " / " + Format.millis(latency.p99Millis()) + " / "
                    + Format.millis(latency.maxMillis())));
            md.append(row("latency probes with a task", Format.count(latency.answered()) + " of "
                    + Format.count(latency.probes()) + " (" + latency.status() + ")"));
        }
        for (Results.Ingest ingest : new Results.Ingest[] {report.httpBatchIngest(), report.kafkaIngest()}) {
            if (ingest == null) {
                continue;
            }
            md.append(row(ingest.channel() + ": accepted", Format.rate(ingest.acceptedPerSecond()) + " ("
                    + Format.count(ingest.accepted()) + " of " + Format.count(ingest.offered()) + " in "
                    + Format.seconds(ingest.sendSeconds()) + ")"));
            md.append(row(ingest.channel() + ": reached contact.events", Format.rate(ingest.reachedPerSecond()) + " = "
                    + Format.percent(ingest.ratioToCeiling()) + " of the ceiling (" + Format.count(ingest.reached())
                    + " in " + Format.seconds(ingest.reachSeconds()) + "; " + ingest.status() + ")"));
            if (ingest.backlogAtStart() > 0) {
                md.append(row(ingest.channel() + ": backlog of earlier phases at its start",
                        Format.count(ingest.backlogAtStart()) + " events"));
            }
        }
        Results.Stream stream = report.longStream();
        if (stream != null) {
            md.append(row("long stream: reached contact.events", Format.count(stream.reached()) + " of "
                    + Format.count(stream.events()) + " in " + Format.seconds(stream.seconds()) + " (" + stream.status() + ")"));
            md.append(row("long stream: first / last " + Format.count(stream.window()), Format.rate(stream.firstWindowPerSecond())
                    + " / " + Format.rate(stream.lastWindowPerSecond()) + " (last = " + Format.percent(stream.lastToFirst())
                    + " of first)"));
            if (stream.backlogAtStart() > 0) {
                md.append(row("long stream: backlog of earlier phases at its start",
                        Format.count(stream.backlogAtStart()) + " events"));
            }
        }
        Results.Replay replay = report.replay();
        if (replay != null) {
            md.append(row("replay: records read by a new analytics-service from the beginning",
                    Format.count(replay.replayed()) + " of " + Format.count(replay.records()) + " in "
                            + Format.seconds(replay.seconds()) + " (" + replay.status() + ")"));
            md.append(row("replay: rate (from its first commit) / with its start", Format.rate(replay.recordsPerSecond())
                    + " / " + Format.rate(replay.withStartPerSecond()) + " (ready after "
                    + Format.seconds(replay.readySeconds()) + ")"));
        }
    }

    private static void profiles(List<Results.Profile> profiles, StringBuilder md) {
        if (profiles.isEmpty()) {
            md.append("Every target was met: no profiles.\n");
            return;
        }
        md.append("From the platform's JFR recording (jdk.ExecutionSample, self time, in the phase's time window).\n");
        for (Results.Profile profile : profiles) {
            md.append("\n### ").append(profile.phase()).append("\n\nMissed: ").append(profile.missed()).append(". ")
                    .append(Format.count(profile.samples())).append(" samples.");
            if (profile.note() != null) {
                md.append(' ').append(profile.note()).append('.');
            }
            cpu(profile.cpu(), md);
            md.append("\n\n| hot method (self) | samples | share |\n|---|---|---|\n");
            for (Results.Frame frame : profile.hotMethods()) {
                md.append(row("`" + frame.frame() + "`", Format.count(frame.samples()), Format.percent(frame.share())));
            }
            md.append("\n| threads | samples | share | top frames |\n|---|---|---|---|\n");
            for (Results.ThreadGroup group : profile.threads()) {
                StringBuilder frames = new StringBuilder();
                for (Results.Frame frame : group.topFrames()) {
                    frames.append(frames.length() == 0 ? "" : "<br>").append('`').append(frame.frame()).append("` ")
                            .append(String.format(Locale.ROOT, "%.0f %%", frame.share() * 100));
                }
                md.append(row("`" + group.threads() + "`", Format.count(group.samples()), Format.percent(group.share()),
                        frames.toString()));
            }
            storeWrites(profile, md);
        }
    }

    /** What the samples leave out: how busy the machine was, and how long the JIT compiler took. */
    private static void cpu(Results.Cpu cpu, StringBuilder md) {
        if (cpu == null) {
            return;
        }
        if (cpu.machineBusy() >= 0) {
            md.append(" The machine's CPU ").append(Format.percent(cpu.machineBusy())).append(" busy, the platform's JVM ")
                    .append(Format.percent(cpu.platformBusy())).append(" of it (jdk.CPULoad).");
        }
        md.append(" The JIT compiled ").append(Format.count(cpu.compilations())).append(" methods");
        if (cpu.compilerBusy() >= 0) {
            md.append(", its threads using ").append(Format.percent(cpu.compilerBusy()))
                    .append(" of the machine's CPU (jdk.ThreadCPULoad)");
        }
        md.append("; the compilations took ").append(Format.seconds(cpu.compileSeconds()))
                .append(" by the wall clock, waits for the CPU included (jdk.CompilerStatistics). The compiler threads"
                        + " are not among the samples.");
    }

    /** What the phase wrote to the embedded store, by collection: what each accepted event costs it. */
    private static void storeWrites(Results.Profile profile, StringBuilder md) {
        if (profile.storeWrites().isEmpty()) {
            return;
        }
        md.append("\nWrites to the embedded store in the phase (its JFR events; time as the callers waited, commits "
                + "included)");
        if (profile.commits() != null) {
            md.append(": ").append(Format.count(profile.commits().commits())).append(" commits taking ")
                    .append(Format.seconds(profile.commits().seconds())).append(" in all, ")
                    .append(Format.seconds(profile.commits().compactingSeconds()))
                    .append(" of it compacting the file");
        }
        md.append(".\n\n| collection | command | commands | documents | time |\n|---|---|---|---|---|\n");
        for (Results.StoreWrites writes : profile.storeWrites()) {
            md.append(row("`" + writes.collection() + "`", writes.command(), Format.count(writes.commands()),
                    Format.count(writes.documents()), Format.seconds(writes.seconds())));
        }
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return row.append('\n').toString();
    }

    /** The section headings every report has, whatever the run reached. */
    public static List<String> sections() {
        return List.of("## Goals", "## Measurements", "## Consumer lag after the load", "## Memory",
                "## Profiles of missed targets", "## Machine", "## Settings", "## Notes");
    }
}
