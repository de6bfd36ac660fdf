package dk.servicepuls.analytics.kpigauges;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Computes the KPI gauges every {@link KpiGaugesProperties#refresh()}, the first time one interval after start. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KpiGaugeScheduling implements SchedulingConfigurer {

    private final KpiGaugesProperties properties;
    private final KpiGauges gauges;

    KpiGaugeScheduling(KpiGaugesProperties properties, KpiGauges gauges) {
        this.properties = properties;
        this.gauges = gauges;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(gauges::run, properties.refresh(), properties.refresh()));
    }
}
