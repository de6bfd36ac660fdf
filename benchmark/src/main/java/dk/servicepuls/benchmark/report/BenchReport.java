package dk.servicepuls.benchmark.report;

import java.util.List;
import java.util.Map;

import dk.servicepuls.benchmark.kafka.CeilingResult;

/** Everything one run measured; a part is null when the run did not get that far (the notes say why). */
public record BenchReport(String generatedAt, String commit, Results.Machine machine, Map<String, String> settings,
        Results.Ready ready, CeilingResult ceiling, Results.Latency latency, Results.Ingest httpBatchIngest,
        Results.Ingest kafkaIngest, Results.Stream longStream, List<Results.GroupDrain> lagAfterLoad,
        Results.Replay replay, Results.Memory memory, List<Results.Goal> goals, List<Results.Profile> profiles, List<String> notes) {
}
