package dk.servicepuls.platform.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled job: for each department with a period of its own, and then for all the others, erases the data of
 * the cases closed longer ago than their period. Periods count in calendar months and years from the clock's now in
 * UTC, so "24m" after a case closed on 31 January ends on the last day of January two years on.
 */
public class CaseRetention {

    private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);

    private final List<ExpiredCaseData> stores;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Counter erased;

    public CaseRetention(List<ExpiredCaseData> stores, RetentionProperties properties, Clock clock,
            MeterRegistry meters) {
        this.stores = List.copyOf(stores);
        this.properties = properties;
        this.clock = clock;
        this.erased = Counter.builder("servicepuls.retention.cases.erased")
                .description("Closed cases whose data the retention job erased from a store").register(meters);
    }

    /** One run over every department scope; returns how many cases' data it erased (per store, summed). */
    public long run() {
        Instant now = clock.instant();
        RetentionProperties.Policy policy = properties.cases();
        long total = 0;
        for (Map.Entry<String, Period> own : policy.departments().entrySet()) {
            total += erase(DepartmentScope.only(own.getKey()), cutoff(now, own.getValue()));
        }
        total += erase(DepartmentScope.allBut(policy.departments().keySet()), cutoff(now, policy.keep()));
        if (total > 0) {
            log.info("Retention erased the data of {} closed cases", total);
        }
        return total;
    }

    /** Takes batch after batch until a store has fewer than a batch left, or after {@value #MAX_BATCHES} batches. */
    private long erase(DepartmentScope scope, Instant cutoff) {
        long sum = 0;
        for (ExpiredCaseData store : stores) {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                long cases = store.eraseClosedBefore(scope, cutoff, properties.batchSize());
                erased.increment(cases);
                sum += cases;
                if (cases < properties.batchSize()) {
                    break;
                }
            }
        }
        return sum;
    }

    /** A backlog (retention switched on over years of data) is worked off over several runs, not in one. */
    static final int MAX_BATCHES = 100;

    static Instant cutoff(Instant now, Period keep) {
        return now.atOffset(ZoneOffset.UTC).minus(keep).toInstant();
    }
}
