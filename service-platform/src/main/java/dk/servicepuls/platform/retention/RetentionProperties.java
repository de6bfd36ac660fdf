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
 *                  service (its events, notes, feedback and complaints, analyses, risk, tasks, KPI facts)
 */
@ConfigurationProperties("servicepuls.retention")
public record RetentionProperties(@DefaultValue("1h") Duration interval, @DefaultValue("500") int batchSize,
        @DefaultValue Policy cases) {

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("servicepuls.retention.batch-size must be positive");
        }
    }

    /**
     * @param keep        for every department not named below; e.g. {@code 60m} (months) or {@code 5y}
     * @param departments a department's own period, by department code
     */
    public record Policy(@DefaultValue("60m") Period keep, @DefaultValue Map<String, Period> departments) {

        public Policy {
            departments = departments == null ? Map.of() : Map.copyOf(departments);
            if (keep.isNegative() || departments.values().stream().anyMatch(Period::isNegative)) {
                throw new IllegalArgumentException("servicepuls.retention periods cannot be negative");
            }
        }
    }
}
