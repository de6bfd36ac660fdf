package dk.servicepuls.escalation.tasks;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the SLA ladder and the gauge recount at the intervals of {@link TasksProperties}; both are also callable
 * directly, with a clock, from tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TaskScheduling implements SchedulingConfigurer {

    private final TasksProperties properties;
    private final SlaLadder ladder;
    private final OpenTaskGauges gauges;

    TaskScheduling(TasksProperties properties, SlaLadder ladder, OpenTaskGauges gauges) {
        this.properties = properties;
        this.ladder = ladder;
        this.gauges = gauges;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration ladderInterval = properties.escalation().interval();
        registrar.addFixedDelayTask(new FixedDelayTask(ladder::run, ladderInterval, ladderInterval));
        registrar.addFixedDelayTask(new FixedDelayTask(gauges::run, properties.metricsRefresh(), Duration.ZERO));
    }
}
