package dk.servicepuls.escalation.tasks;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the SLA ladder and the gauge recount; both are also callable directly, with a clock, from tests. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskScheduling {
}
