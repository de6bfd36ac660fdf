package dk.servicepuls.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.servicepuls.benchmark.report.BenchReport;
import dk.servicepuls.benchmark.report.ReportWriter;

/**
 * Every phase with tiny counts against the local mode jar as a child process: both report files are written and have
 * every section, whatever the platform's speed. The figures themselves are not checked; that is what the report is
 * for.
 */
class BenchmarkSmokeIntegrationTests {

    private static final Path LOCAL_JAR = Path.of(System.getProperty("servicepuls.local.jar",
            "../local/target/servicepuls-local.jar"));

    @Test
    void aTinyRunWritesBothReportsWithEverySection(@TempDir Path out) throws Exception {
        assumeTrue(Files.isRegularFile(LOCAL_JAR), "the local mode jar is built by the local module's package phase");
        BenchmarkSettings settings = BenchmarkSettings.parse("--events=200", "--window=50", "--http-batches=3",
                "--batch-size=50", "--http-senders=2", "--kafka-records=100", "--ceiling-records=2000", "--warmup-seconds=2",
                "--warmup-limit-seconds=4", "--latency-seconds=3",
                "--latency-rate=50", "--probe-rate=2", "--phase-limit-seconds=8", "--lag-limit-seconds=5",
                "--ready-limit-seconds=120", "--progress-seconds=2", "--out=" + out, "--work-dir=" + out.resolve("platform"), "--local-jar=" + LOCAL_JAR,
                "--child-jvm=-Xmx1g");

        BenchReport report = new BenchmarkRun(settings).run();

        assertThat(report.ready()).as("the platform got ready").isNotNull();
        assertThat(report.goals()).hasSize(7);
        assertThat(report.httpBatchIngest().accepted()).as("every batch of both senders accepted").isEqualTo(150);
        assertThat(report.replay()).as("a second local mode replayed every record of the topics").isNotNull()
                .satisfies(replay -> assertThat(replay.replayed()).isEqualTo(replay.records()).isPositive());
        assertThat(report.memory().heapPeakSampled()).as("the heap was read off the running platform").isPositive();
        assertThat(report.notes()).as("the JIT compilers' time read off the running platform")
                .anySatisfy(note -> assertThat(note).startsWith("Warm-up").contains("the JIT compilers were busy"));
        String markdown = Files.readString(out.resolve(ReportWriter.MARKDOWN));
        assertThat(markdown).contains(ReportWriter.sections());
        assertThat(markdown).contains("HTTP batch ingest", "Kafka ingest", "Long stream", "Latency p50", "Latency p99",
                "zero lag", "Replay of the topics", "time to ready", "producer ceiling", "VmHWM", "cores", "commit");
        String json = Files.readString(out.resolve(ReportWriter.JSON));
        assertThat(json).contains("\"goals\"", "\"ready\"", "\"ceiling\"", "\"latency\"", "\"httpBatchIngest\"",
                "\"kafkaIngest\"", "\"longStream\"", "\"lagAfterLoad\"", "\"replay\"", "\"memory\"", "\"profiles\"", "\"machine\"",
                "\"commit\"");
        assertThat(markdown + json).as("no party id of the synthetic events leaks into the report")
                // ten digits on their own; the commit's hash may hold such a run between letters
                .doesNotContainPattern("(?<![\\p{Alnum}.])\\d{10}(?![\\p{Alnum}.])");
    }
}
