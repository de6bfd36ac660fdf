package dk.servicepuls.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import dk.servicepuls.benchmark.kafka.GroupLag;
import dk.servicepuls.benchmark.report.Format;
import dk.servicepuls.benchmark.report.Goals;
import dk.servicepuls.benchmark.report.Results;

/** After the load: how long each service's consumer group takes to read everything (committed = end offsets). */
final class LagAfterLoadPhase {

    private static final long POLL_MILLIS = 1000;

    private final PhaseContext context;

    LagAfterLoadPhase(PhaseContext context) {
        this.context = context;
    }

    List<Results.GroupDrain> run() throws InterruptedException, ExecutionException, TimeoutException {
        long started = System.nanoTime();
        long deadline = started + context.settings().lagLimit().toNanos();
        Map<String, Long> atStart = new LinkedHashMap<>();
        Map<String, Long> latest = new LinkedHashMap<>();
        Map<String, Double> zeroAfter = new LinkedHashMap<>();
        try (GroupLag lag = new GroupLag(context.ports().bootstrapServers());
                Progress.Phase progress = context.progress().track(Goals.LAG + " groups at zero", GroupLag.GROUPS.size(),
                        zeroAfter::size)) {
            while (true) {
                for (String group : GroupLag.GROUPS) {
                    if (zeroAfter.containsKey(group)) {
                        continue;
                    }
                    long now = lag.lag(group);
                    atStart.putIfAbsent(group, now);
                    latest.put(group, now);
                    if (now == 0) {
                        zeroAfter.put(group, (System.nanoTime() - started) / 1e9);
                    }
                }
                if (zeroAfter.size() == GroupLag.GROUPS.size() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        List<Results.GroupDrain> drains = new ArrayList<>();
        for (String group : GroupLag.GROUPS) {
            drains.add(new Results.GroupDrain(group, atStart.get(group), zeroAfter.get(group), latest.get(group)));
        }
        drains.stream().filter(drain -> drain.secondsToZero() == null).forEach(drain -> System.out.printf(
                "[%s] %s still %s behind after %s%n", Goals.LAG, drain.group(), Format.count(drain.lagAtEnd()),
                Format.duration(context.settings().lagLimit())));
        return drains;
    }
}
