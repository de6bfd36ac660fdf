package dk.servicepuls.benchmark;

import java.net.http.HttpClient;

import dk.servicepuls.benchmark.kafka.TopicWatcher;
import dk.servicepuls.benchmark.platform.PlatformPorts;

/** What every phase works with. */
record PhaseContext(BenchmarkSettings settings, PlatformPorts ports, TopicWatcher watcher, HttpClient http,
        Progress progress, Backlog backlog) {
}
