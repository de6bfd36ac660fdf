package dk.servicepuls.analytics.kpigauges;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Computes the KPI gauges every {@link KpiGaugesProperties#refresh()}, the first time one interval after start, but
 * never sooner than {@value #PAUSE_PER_WORK} times the last computation took after it ended: with a large history the
 * gauges slow down instead of taking a core from the event path.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KpiGaugeScheduling implements SchedulingConfigurer {

    static final int PAUSE_PER_WORK = 10;

    private final KpiGaugesProperties properties;
    private final KpiGauges gauges;

    KpiGaugeScheduling(KpiGaugesProperties properties, KpiGauges gauges) {
        this.properties = properties;
        this.gauges = gauges;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Instant firstAt = Instant.now().plus(properties.refresh());
        registrar.addTriggerTask(gauges::run, context -> next(context, properties.refresh(), firstAt));
    }

    static Instant next(TriggerContext context, Duration refresh, Instant firstAt) {
        Instant started = context.lastActualExecution();
        Instant ended = context.lastCompletion();
        if (started == null || ended == null) {
            return firstAt;
        }
        Duration took = Duration.between(started, ended);
        Duration pause = took.multipliedBy(PAUSE_PER_WORK);
        return ended.plus(pause.compareTo(refresh) > 0 ? pause : refresh);
    }
}
