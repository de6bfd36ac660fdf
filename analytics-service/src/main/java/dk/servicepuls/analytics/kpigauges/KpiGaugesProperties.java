package dk.servicepuls.analytics.kpigauges;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the KPI gauges ({@code servicepuls.kpi-gauges}).
 *
 * @param refresh        how often the figures are computed again; each Prometheus scrape reads the last ones, so
 *                       that a scrape never costs a KPI computation
 * @param months         the rolling window: this many calendar months, the running one included; the trends compare
 *                       its last two months that have a figure
 * @param maxDepartments more departments than this are not given gauges (they stay in the KPI API), so that the
 *                       number of time series stays bounded
 */
@ConfigurationProperties("servicepuls.kpi-gauges")
record KpiGaugesProperties(@DefaultValue("1m") Duration refresh, @DefaultValue("6") int months,
        @DefaultValue("200") int maxDepartments) {

    KpiGaugesProperties {
        if (refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("servicepuls.kpi-gauges.refresh must be positive");
        }
        if (months < 1 || months > 36) {
            throw new IllegalArgumentException("servicepuls.kpi-gauges.months must be 1 to 36");
        }
        if (maxDepartments < 1) {
            throw new IllegalArgumentException("servicepuls.kpi-gauges.max-departments must be at least 1");
        }
    }
}
