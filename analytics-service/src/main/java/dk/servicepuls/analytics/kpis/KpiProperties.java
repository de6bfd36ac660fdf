package dk.servicepuls.analytics.kpis;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the KPIs ({@code servicepuls.kpis}).
 *
 * @param minGroupSize          no figure resting on fewer cases, contacts or answers than this is shown, so that nobody
 *                              can be singled out
 * @param zone                  where days, weeks and months begin
 * @param highEffortCes         a CES (1 very easy … 7 very hard) at or above this counts as high effort
 * @param complaintWindow       how long after its decision a case is followed for a complaint before it counts in the
 *                              effect of proactive calls; a case decided more recently has not had its chance to
 *                              complain yet
 * @param hoursPerComplaint     caseworker hours one complaint procedure costs (handling, a reconsideration, the
 *                              appeal body's file): what an avoided complaint saves
 * @param hoursPerCall          caseworker hours one proactive call costs, preparation and notes included
 */
@ConfigurationProperties("servicepuls.kpis")
record KpiProperties(@DefaultValue("5") int minGroupSize, @DefaultValue("Europe/Copenhagen") ZoneId zone,
        @DefaultValue("5") int highEffortCes, @DefaultValue("30d") Duration complaintWindow,
        @DefaultValue("6.0") double hoursPerComplaint, @DefaultValue("0.5") double hoursPerCall) {

    KpiProperties {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("servicepuls.kpis.min-group-size must be at least 1");
        }
        if (hoursPerComplaint < 0 || hoursPerCall < 0) {
            throw new IllegalArgumentException("servicepuls.kpis hours must not be negative");
        }
    }

    static KpiProperties defaults() {
        return new KpiProperties(5, ZoneId.of("Europe/Copenhagen"), 5, Duration.ofDays(30), 6.0, 0.5);
    }
}
