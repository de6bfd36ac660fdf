package dk.servicepuls.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line, {@code --name=value} each. Counts and limits default to a full run; small values make a quick
 * one (the smoke test's, for instance).
 */
record BenchmarkSettings(long events, int window, int httpBatches, int batchSize, int httpSenders, int kafkaRecords,
        long ceilingRecords, int warmupSeconds, int warmupLimitSeconds, int latencySeconds, int latencyRate, int probeRate, int streamAhead,
        Duration phaseLimit, Duration lagLimit, Duration readyLimit, Path out, Path localJar, boolean defaultPorts,
        List<String> childJvm, boolean keepData, int progressSeconds, Path workDir, boolean replay, Duration replayLimit) {

    static final String USAGE = """
            java -jar benchmark/target/servicepuls-benchmark.jar [--name=value ...]
              --events=1000000          events in the long stream through Kafka ingest
              --window=100000           events in its first and last measured window
              --http-batches=20         HTTP batches to contact-service
              --batch-size=1000         events per HTTP batch (the platform takes at most 1000)
              --http-senders=4          HTTP batches in flight at once, as several departments' systems send
              --kafka-records=100000    records produced to ingest.contact as fast as possible
              --ceiling-records=500000  records of the raw producer ceiling (acks=all, idempotent, 512 B)
              --warmup-seconds=60       the latency phase's load run once before it, unmeasured, so that it meets a warm JVM (0: none)
              --warmup-limit-seconds=600 the warm-up goes on past --warmup-seconds while the platform's JIT compilers are
                                        busier than 15 % of one core over 15 s, at most this long in all
              --latency-seconds=60      how long the mixed load of the latency phase runs
              --latency-rate=1000       events/s of mixed load offered meanwhile
              --probe-rate=20           decision.pending probes/s among them (over HTTP)
              --stream-ahead=50000      at most this many stream events produced but not yet on contact.events
              --phase-limit-seconds=600 time limit of each phase
              --lag-limit-seconds=300   how long to wait for the consumer groups to reach zero lag
              --ready-limit-seconds=300 how long the local mode may take to get ready
              --out=.                   where bench-report.json and bench-report.md go
              --local-jar=local/target/servicepuls-local.jar
              --default-ports           run the platform on 9092, 8081… instead of free ports
              --child-jvm=-Xmx4g        a JVM option for the platform (repeatable)
              --keep-data               keep the platform's data folder (it is deleted by default)
              --progress-seconds=5      how often a progress line is printed
              --work-dir=…              where the platform's data, log and JFR recording go (default: a new temporary folder)
              --replay=true             after the load, a new analytics-service replays every topic from the beginning
              --replay-limit-seconds=600 how long the replay may take
            """;

    static BenchmarkSettings parse(String... args) {
        Map<String, String> values = new HashMap<>();
        List<String> childJvm = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
            }
            String[] nameValue = arg.substring(2).split("=", 2);
            if (nameValue[0].equals("child-jvm")) {
                childJvm.add(nameValue.length > 1 ? nameValue[1] : "");
            }
            else {
                values.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "true");
            }
        }
        Reader read = new Reader(values);
        BenchmarkSettings settings = new BenchmarkSettings(read.number("events", 1_000_000),
                (int) read.number("window", 100_000), (int) read.number("http-batches", 20),
                (int) read.number("batch-size", 1000), (int) read.number("http-senders", 4),
                (int) read.number("kafka-records", 100_000),
                read.number("ceiling-records", 500_000), (int) read.number("warmup-seconds", 60),
                (int) read.number("warmup-limit-seconds", 600),
                (int) read.number("latency-seconds", 60),
                (int) read.number("latency-rate", 1000), (int) read.number("probe-rate", 20),
                (int) read.number("stream-ahead", 50_000), Duration.ofSeconds(read.number("phase-limit-seconds", 600)),
                Duration.ofSeconds(read.number("lag-limit-seconds", 300)),
                Duration.ofSeconds(read.number("ready-limit-seconds", 300)), Path.of(read.text("out", ".")),
                Path.of(read.text("local-jar", "local/target/servicepuls-local.jar")),
                Boolean.parseBoolean(read.text("default-ports", "false")), List.copyOf(childJvm),
                Boolean.parseBoolean(read.text("keep-data", "false")), (int) read.number("progress-seconds", 5),
                read.pathOrNull("work-dir"), Boolean.parseBoolean(read.text("replay", "true")),
                Duration.ofSeconds(read.number("replay-limit-seconds", 600)));
        read.rejectUnknown();
        if (settings.batchSize() < 1 || settings.batchSize() > 1000) {
            throw new IllegalArgumentException("--batch-size must be 1 to 1000: the platform takes at most 1000 a batch");
        }
        if (settings.httpSenders() < 1 || settings.httpSenders() > 64) {
            throw new IllegalArgumentException("--http-senders must be 1 to 64");
        }
        if (settings.events() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--events must be below " + Integer.MAX_VALUE);
        }
        return settings;
    }

    /** The window, no more than half the stream, so that the first and the last window do not overlap. */
    int effectiveWindow() {
        return (int) Math.max(1, Math.min(window, events / 2));
    }

    Map<String, String> asReport() {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("events", String.valueOf(events));
        report.put("window", String.valueOf(effectiveWindow()));
        report.put("http-batches", String.valueOf(httpBatches));
        report.put("batch-size", String.valueOf(batchSize));
        report.put("http-senders", String.valueOf(httpSenders));
        report.put("kafka-records", String.valueOf(kafkaRecords));
        report.put("ceiling-records", String.valueOf(ceilingRecords));
        report.put("warmup-seconds", String.valueOf(warmupSeconds));
        report.put("warmup-limit-seconds", String.valueOf(warmupLimitSeconds));
        report.put("latency-seconds", String.valueOf(latencySeconds));
        report.put("latency-rate", String.valueOf(latencyRate));
        report.put("probe-rate", String.valueOf(probeRate));
        report.put("stream-ahead", String.valueOf(streamAhead));
        report.put("phase-limit-seconds", String.valueOf(phaseLimit.toSeconds()));
        report.put("lag-limit-seconds", String.valueOf(lagLimit.toSeconds()));
        report.put("child-jvm", String.join(" ", childJvm));
        report.put("replay", String.valueOf(replay));
        report.put("replay-limit-seconds", String.valueOf(replayLimit.toSeconds()));
        return report;
    }

    private static final class Reader {

        private final Map<String, String> values;

        Reader(Map<String, String> values) {
            this.values = new HashMap<>(values);
        }

        long number(String name, long otherwise) {
            String value = values.remove(name);
            try {
                return value == null ? otherwise : Long.parseLong(value.replace("_", "").replace(",", ""));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
            }
        }

        String text(String name, String otherwise) {
            String value = values.remove(name);
            return value == null ? otherwise : value;
        }

        Path pathOrNull(String name) {
            String value = values.remove(name);
            return value == null ? null : Path.of(value);
        }

        void rejectUnknown() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("Unknown option(s) " + Arrays.toString(values.keySet().stream()
                        .map(name -> "--" + name).toArray()) + "\n" + USAGE);
            }
        }
    }
}
