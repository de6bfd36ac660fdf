package dk.servicepuls.feedback.surveys;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Sends the due survey reminders every {@code servicepuls.surveys.reminder-interval}; tests call them directly. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SurveyScheduling implements SchedulingConfigurer {

    private final SurveyProperties properties;
    private final SurveyReminders reminders;

    SurveyScheduling(SurveyProperties properties, SurveyReminders reminders) {
        this.properties = properties;
        this.reminders = reminders;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!properties.remindAfter().isZero()) {
            registrar.addFixedDelayTask(new FixedDelayTask(reminders::run, properties.reminderInterval(),
                    properties.reminderInterval()));
        }
    }
}
