package dk.servicepuls.platform.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled job: for each kind of data, for each department with a period of its own and then for all the
 * others, erases what is older than its period (cases closed, contacts and feedback without a case that happened longer ago). Periods count in calendar
 * months and years from the clock's now in UTC, so "24m" after a case closed on 31 January ends on the last day of
 * January two years on.
 */
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final List<ExpiredData> stores;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Map<RetentionKind, Counter> erased = new EnumMap<>(RetentionKind.class);

    public Retention(List<ExpiredData> stores, RetentionProperties properties, Clock clock,
            MeterRegistry meters) {
        this.stores = List.copyOf(stores);
        this.properties = properties;
        this.clock = clock;
        for (RetentionKind kind : RetentionKind.values()) {
            erased.put(kind, Counter.builder("servicepuls.retention.erased").tag("kind", name(kind))
                    .description("Items (closed cases, events without a case) the retention job erased from a store")
                    .register(meters));
        }
    }

    /** One run over every kind and department scope; returns how many items it erased (per store, summed). */
    public long run() {
        Instant now = clock.instant();
        long total = 0;
        for (RetentionKind kind : RetentionKind.values()) {
            RetentionProperties.Policy policy = properties.policy(kind);
            long ofKind = 0;
            for (Map.Entry<String, Period> own : policy.departments().entrySet()) {
                ofKind += erase(kind, DepartmentScope.only(own.getKey()), cutoff(now, own.getValue()));
            }
            ofKind += erase(kind, DepartmentScope.allBut(policy.departments().keySet()), cutoff(now, policy.keep()));
            if (ofKind > 0) {
                log.info("Retention erased {} items of {}", ofKind, name(kind));
            }
            total += ofKind;
        }
        return total;
    }

    /** Takes batch after batch until a store has fewer than a batch left, or after {@value #MAX_BATCHES} batches. */
    private long erase(RetentionKind kind, DepartmentScope scope, Instant cutoff) {
        long sum = 0;
        for (ExpiredData store : stores) {
            if (store.kind() != kind) {
                continue;
            }
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                long items = store.eraseBefore(scope, cutoff, properties.batchSize());
                erased.get(kind).increment(items);
                sum += items;
                if (items < properties.batchSize()) {
                    break;
                }
            }
        }
        return sum;
    }

    /** A backlog (retention switched on over years of data) is worked off over several runs, not in one. */
    static final int MAX_BATCHES = 100;

    private static String name(RetentionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static Instant cutoff(Instant now, Period keep) {
        return now.atOffset(ZoneOffset.UTC).minus(keep).toInstant();
    }
}
