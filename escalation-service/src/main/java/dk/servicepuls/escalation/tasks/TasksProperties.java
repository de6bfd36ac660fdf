package dk.servicepuls.escalation.tasks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param leadTime how long before the decision goes out the call must have been made. Plain calendar time for now;
 *        counting working days (weekends, Danish public holidays) comes with the SLA ladder.
 */
@ConfigurationProperties("servicepuls.tasks")
record TasksProperties(@DefaultValue("2d") Duration leadTime) {
}
