package dk.servicepuls.benchmark.report;

import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.benchmark.kafka.CeilingResult;

/** The performance goals, and whether a run met each. A phase that did not run misses its goal. */
public final class Goals {

    public static final String HTTP = "http-batch-ingest";
    public static final String KAFKA = "kafka-ingest";
    public static final String STREAM = "long-stream";
    public static final String LATENCY = "latency";
    public static final String LAG = "lag-after-load";
    public static final String REPLAY = "replay";

    private static final double HTTP_EVENTS_PER_SECOND = 10_000;
    private static final double KAFKA_SHARE_OF_CEILING = 0.25;
    private static final double STREAM_SLOWDOWN = 0.20;
    private static final double P50_MILLIS = 50;
    private static final double P99_MILLIS = 250;
    /** The load the latency goals hold at; the generator offers a little over its target, so 5 % under still counts. */
    private static final double LATENCY_EVENTS_PER_SECOND = 1_000;
    private static final double LATENCY_RATE_TOLERANCE = 0.95;
    /** The stream the constant-cost goal is about: the last 100,000 of 1,000,000 events against the first. */
    private static final long STREAM_EVENTS = 1_000_000;
    private static final int STREAM_WINDOW = 100_000;
    /** A national year of about 130 million events replayed in under 45 minutes. */
    private static final double REPLAY_RECORDS_PER_SECOND = 50_000;

    private Goals() {
    }

    public static List<Results.Goal> judge(CeilingResult ceiling, Results.Ingest http, Results.Ingest kafka,
            Results.Stream stream, Results.Latency latency, List<Results.GroupDrain> lag, Results.Replay replay) {
        List<Results.Goal> goals = new ArrayList<>();
        goals.add(http == null ? missing("HTTP batch ingest (accepted)", "≥ 10,000 events/s", HTTP)
                : new Results.Goal("HTTP batch ingest (accepted)", Format.rate(http.acceptedPerSecond()) + " ("
                        + http.status() + ")", "≥ 10,000 events/s", http.acceptedPerSecond() >= HTTP_EVENTS_PER_SECOND, HTTP));
        goals.add(kafka == null || ceiling == null ? missing("Kafka ingest to contact.events", "≥ 25 % of the producer ceiling", KAFKA)
                : new Results.Goal("Kafka ingest to contact.events", Format.rate(kafka.reachedPerSecond()) + " = "
                        + Format.percent(kafka.ratioToCeiling()) + " of " + Format.rate(ceiling.recordsPerSecond()) + " ("
                        + kafka.status() + ")", "≥ 25 % of the producer ceiling",
                        kafka.ratioToCeiling() >= KAFKA_SHARE_OF_CEILING && kafka.reached() == kafka.offered(), KAFKA));
        goals.add(stream == null ? missing("Long stream: last window vs first", "within 20 % of the first", STREAM)
                : new Results.Goal("Long stream: last " + Format.count(stream.window()) + " vs first "
                        + Format.count(stream.window()), Format.rate(stream.lastWindowPerSecond()) + " vs "
                        + Format.rate(stream.firstWindowPerSecond()) + " = " + Format.percent(stream.lastToFirst()) + " ("
                        + stream.status() + ")" + (fullStream(stream) ? "" : "; " + Format.count(stream.events())
                        + " events, not judged: the goal is about 1,000,000 in windows of 100,000"),
                        "within 20 % of the first", fullStream(stream) && stream.complete()
                                && stream.lastToFirst() >= 1 - STREAM_SLOWDOWN, STREAM));
        if (latency == null) {
            goals.add(missing("Latency p50, decision.pending → task.created", "≤ 50 ms", LATENCY));
            goals.add(missing("Latency p99, decision.pending → task.created", "≤ 250 ms", LATENCY));
        }
        else {
            boolean atGoalRate = latency.offeredPerSecond() >= LATENCY_EVENTS_PER_SECOND * LATENCY_RATE_TOLERANCE;
            String at = " at " + Format.rate(latency.offeredPerSecond()) + " offered"
                    + (atGoalRate ? "" : " (not judged: the goal holds at 1,000/s)");
            String lost = latency.unanswered() == 0 ? "" : ", " + latency.unanswered() + " of " + latency.probes()
                    + " probes without a task";
            goals.add(new Results.Goal("Latency p50, decision.pending → task.created", Format.millis(latency.p50Millis())
                    + at + lost, "≤ 50 ms at 1,000 events/s", atGoalRate && latency.answered() > 0 && latency.p50Millis() <= P50_MILLIS, LATENCY));
            goals.add(new Results.Goal("Latency p99, decision.pending → task.created", Format.millis(latency.p99Millis())
                    + at + lost, "≤ 250 ms at 1,000 events/s", atGoalRate && latency.answered() > 0 && latency.p99Millis() <= P99_MILLIS, LATENCY));
        }
        if (lag == null) {
            goals.add(missing("Every consumer group back to zero lag", "all four groups", LAG));
        }
        else {
            List<String> behind = lag.stream().filter(group -> group.secondsToZero() == null)
                    .map(group -> group.group() + " " + Format.count(group.lagAtEnd())).toList();
            String slowest = lag.stream().filter(group -> group.secondsToZero() != null)
                    .mapToDouble(Results.GroupDrain::secondsToZero).max().stream()
                    .mapToObj(seconds -> "all at zero after " + Format.seconds(seconds)).findFirst().orElse("");
            goals.add(new Results.Goal("Every consumer group back to zero lag", behind.isEmpty() ? slowest
                    : "still behind: " + String.join(", ", behind), "all four groups", behind.isEmpty(), LAG));
        }
        goals.add(replay == null ? missing("Replay of the topics by a new analytics-service", "≥ 50,000 events/s", REPLAY)
                : new Results.Goal("Replay of the topics by a new analytics-service", Format.rate(replay.recordsPerSecond())
                        + " over " + Format.count(replay.replayed()) + " records (" + replay.status() + ")",
                        "≥ 50,000 events/s", replay.complete() && replay.recordsPerSecond() >= REPLAY_RECORDS_PER_SECOND,
                        REPLAY));
        return goals;
    }

    private static Results.Goal missing(String what, String goal, String phase) {
        return new Results.Goal(what, "not measured (the phase did not run)", goal, false, phase);
    }

    private static boolean fullStream(Results.Stream stream) {
        return stream.events() >= STREAM_EVENTS && stream.window() >= STREAM_WINDOW;
    }
}
