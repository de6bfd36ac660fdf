package dk.servicepuls.platform.retention;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval  how often the job runs in each service; zero turns it off
 * @param batchSize at most this many cases per department scope and run, so that one run's work is bounded however
 *                  much has expired; the next run takes the next ones
 * @param cases     how long a case's data is kept after {@code case.closed}: everything of the case in every
 *                  service (its events, notes, feedback and complaints, analyses, risk, tasks, KPI facts); 60 months
 *                  unless set
 * @param unlinked  how long contacts, feedback and complaints that name no case (their notes, comments and texts)
 *                  are kept after they happened; 24 months unless set
 */
@ConfigurationProperties("servicepuls.retention")
public record RetentionProperties(@DefaultValue("1h") Duration interval, @DefaultValue("500") int batchSize,
        Policy cases, Policy unlinked) {

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("servicepuls.retention.batch-size must be positive");
        }
        cases = Policy.orDefault(cases, Period.ofMonths(60));
        unlinked = Policy.orDefault(unlinked, Period.ofMonths(24));
    }

    public Policy policy(RetentionKind kind) {
        return kind == RetentionKind.CASES ? cases : unlinked;
    }

    /**
     * @param keep        for every department not named below; e.g. {@code 60m} (months) or {@code 5y}; the kind's
     *                    default when not set
     * @param departments a department's own period, by department code
     */
    public record Policy(Period keep, @DefaultValue Map<String, Period> departments) {

        public Policy {
            departments = departments == null ? Map.of() : Map.copyOf(departments);
            if (keep != null && keep.isNegative() || departments.values().stream().anyMatch(Period::isNegative)) {
                throw new IllegalArgumentException("servicepuls.retention periods cannot be negative");
            }
        }

        static Policy orDefault(Policy policy, Period keep) {
            if (policy == null) {
                return new Policy(keep, Map.of());
            }
            return policy.keep() == null ? new Policy(keep, policy.departments()) : policy;
        }
    }
}
