package dk.servicepuls.benchmark;

import java.net.http.HttpClient;
import java.util.function.Supplier;

import dk.servicepuls.benchmark.kafka.TopicWatcher;
import dk.servicepuls.benchmark.platform.PlatformPorts;

/**
 * What every phase works with.
 *
 * @param sender the token of the local mode's demo sender ({@code servicepuls-simulator}), for HTTP ingest
 */
record PhaseContext(BenchmarkSettings settings, PlatformPorts ports, TopicWatcher watcher, HttpClient http,
        Progress progress, Backlog backlog, Supplier<String> sender) {

    String bearer() {
        return "Bearer " + sender.get();
    }
}
