package dk.servicepuls.analytics.eventcounts;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactView;
import dk.servicepuls.contracts.EventType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts each event once, by type and department, as {@code servicepuls.events} (Prometheus:
 * {@code servicepuls_events_total}). The stored facts are the truth and the counters a view of them: a count only
 * goes up for a fact stored the first time, and a start begins from what the store holds ({@link FactView}), so a
 * restart loses nothing.
 *
 * <p>Each instance reports everything stored, so with several instances Prometheus must take the max, not the sum.
 */
@Component
class EventCounts implements FactView {

    static final String METER = "servicepuls.events";
    static final String OTHER = "other";
    static final String UNKNOWN_DEPARTMENT = "unknown";

    private record Labels(String type, String department) {
    }

    private final MeterRegistry meters;
    // the registry holds a FunctionCounter's object only weakly; this map keeps the counts alive
    private final ConcurrentMap<Labels, AtomicLong> counts = new ConcurrentHashMap<>();

    EventCounts(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void add(List<EventFact> facts) {
        facts.forEach(fact -> count(fact.type(), fact.department()).incrementAndGet());
    }

    private AtomicLong count(String type, String department) {
        // labels from a closed set for the type, so a sender cannot make up new time series (or slip data into one)
        Labels labels = new Labels(EventType.fromType(type).map(EventType::type).orElse(OTHER),
                department == null ? UNKNOWN_DEPARTMENT : department);
        return counts.computeIfAbsent(labels, this::register);
    }

    private AtomicLong register(Labels labels) {
        AtomicLong count = new AtomicLong();
        FunctionCounter.builder(METER, count, AtomicLong::doubleValue)
                .description("Platform events, each counted once per (source, id), by type and department")
                .tag("type", labels.type())
                .tag("department", labels.department())
                .register(meters);
        return count;
    }
}
