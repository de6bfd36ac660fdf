package dk.servicepuls.escalation.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dk.servicepuls.escalation.tasks.sla.WorkingDays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param leadWorkingDays            how many working days before the decision goes out the call must have been made
 * @param complaintIntentWorkingDays how many working days a caseworker has to call once complaint intent appears
 * @param holdoutShare               the share (0 to 1) of eligible cases that get no task and are kept as a control
 *                                   group, so analytics can measure what the calls achieve
 * @param riskThreshold              the risk score (0 to 100) from which a case with a decision pending gets a call;
 *                                   the default lets an expected rejection (40) or partial approval (25) alone call
 * @param calendar                   which days count as working days
 * @param escalation                 the SLA ladder
 * @param metricsRefresh             how often the open and overdue gauges are recounted from the store; a scrape
 *                                   reads the last count, so a busy Prometheus cannot load the store
 */
@ConfigurationProperties("servicepuls.tasks")
record TasksProperties(@DefaultValue("2") int leadWorkingDays, @DefaultValue("1") int complaintIntentWorkingDays,
        @DefaultValue("0.0") double holdoutShare, @DefaultValue("25") int riskThreshold, @DefaultValue Calendar calendar,
        @DefaultValue Escalation escalation, @DefaultValue("30s") Duration metricsRefresh) {

    TasksProperties {
        if (riskThreshold < 0 || riskThreshold > 100) {
            throw new IllegalArgumentException("servicepuls.tasks.risk-threshold must lie between 0 and 100");
        }
        if (leadWorkingDays < 0 || complaintIntentWorkingDays < 0) {
            throw new IllegalArgumentException("servicepuls.tasks working-day counts must not be negative");
        }
        if (holdoutShare < 0.0 || holdoutShare > 1.0) {
            throw new IllegalArgumentException("servicepuls.tasks.holdout-share must lie between 0 and 1");
        }
    }

    /**
     * @param zone            where the departments' days begin and end
     * @param closedEveryYear days closed by custom every year as MM-dd; the public holidays need no listing.
     *                        Juleaften and Grundlovsdag are closed in most of the public sector, but not all of it
     * @param closedDays      single extra closed days as yyyy-MM-dd
     */
    record Calendar(@DefaultValue("Europe/Copenhagen") ZoneId zone,
            @DefaultValue({ "12-24", "06-05" }) List<String> closedEveryYear, @DefaultValue List<String> closedDays) {

        WorkingDays workingDays() {
            DateTimeFormatter monthDay = DateTimeFormatter.ofPattern("MM-dd");
            return new WorkingDays(zone, closedEveryYear.stream().map(day -> MonthDay.parse(day, monthDay)).toList(),
                    closedDays.stream().map(LocalDate::parse).toList());
        }
    }

    /**
     * @param interval                       how often the ladder looks for overdue tasks
     * @param departmentHeadAfterWorkingDays how many working days after the due time a task still not completed
     *                                       moves from the team lead up to the department head
     */
    record Escalation(@DefaultValue("1m") Duration interval, @DefaultValue("1") int departmentHeadAfterWorkingDays) {
    }
}
