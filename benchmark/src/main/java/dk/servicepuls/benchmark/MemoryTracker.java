package dk.servicepuls.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dk.servicepuls.benchmark.platform.MemoryProbe;
import dk.servicepuls.benchmark.platform.MemorySample;
import dk.servicepuls.benchmark.report.Results;

/** Samples the platform's heap and resident memory every two seconds and keeps the highest values. */
final class MemoryTracker implements AutoCloseable {

    private final MemoryProbe probe;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private long heapPeak = -1;
    private long rssPeak = -1;

    MemoryTracker(MemoryProbe probe) {
        this.probe = probe;
        sampler.scheduleAtFixedRate(this::sample, 0, 2, TimeUnit.SECONDS);
    }

    private synchronized MemorySample sample() {
        MemorySample sample = probe.sample();
        heapPeak = Math.max(heapPeak, sample.heapUsed());
        rssPeak = Math.max(rssPeak, sample.rss());
        return sample;
    }

    /** Takes a last sample: call it while the platform still runs. */
    synchronized Results.Memory summary() {
        MemorySample last = sample();
        return new Results.Memory(heapPeak, last.heapUsed(), rssPeak, last.rss(), last.rssPeak());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
