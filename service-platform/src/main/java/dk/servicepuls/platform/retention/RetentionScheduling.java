package dk.servicepuls.platform.retention;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs {@link Retention} every {@code servicepuls.retention.interval}, the first time one interval after start. */
public class RetentionScheduling implements SchedulingConfigurer {

    private final Retention retention;
    private final RetentionProperties properties;

    public RetentionScheduling(Retention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.interval().isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(retention::run, properties.interval(),
                    properties.interval()));
        }
    }
}
