package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SlaPolicyTests {

    private static TasksProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("servicepuls.tasks",
                TasksProperties.class);
    }

    private final SlaPolicy defaults = new SlaPolicy(bind(Map.of()));

    @Test
    void defaultsAreTwoWorkingDaysLeadOneForComplaintIntentAndNoHoldout() {
        TasksProperties properties = bind(Map.of());

        assertThat(properties.leadWorkingDays()).isEqualTo(2);
        assertThat(properties.complaintIntentWorkingDays()).isEqualTo(1);
        assertThat(properties.holdoutShare()).isZero();
        assertThat(properties.calendar().zone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        assertThat(properties.calendar().closedEveryYear()).containsExactly("12-24", "06-05");
        assertThat(properties.escalation().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.escalation().departmentHeadAfterWorkingDays()).isEqualTo(1);
        assertThat(properties.metricsRefresh()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void callBeforeAMondayDecisionIsDueTheThursdayBefore() {
        assertThat(defaults.dueBeforeDecision(Instant.parse("2026-11-30T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
    }

    @Test
    void complaintIntentOnAFridayIsDueOnMonday() {
        assertThat(defaults.dueAfterComplaintIntent(Instant.parse("2026-11-27T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void departmentHeadGetsTheTaskAWorkingDayAfterItWasDue() {
        assertThat(defaults.departmentHeadEscalationAt(Instant.parse("2026-12-23T12:00:00Z")))
                .as("juleaften is closed by default, then the holidays and a Sunday")
                .isEqualTo(Instant.parse("2026-12-28T12:00:00Z"));
    }

    @Test
    void extraClosedDaysAreConfigurable() {
        SlaPolicy policy = new SlaPolicy(bind(Map.of("servicepuls.tasks.calendar.closed-every-year", "",
                "servicepuls.tasks.calendar.closed-days", "2026-11-27", "servicepuls.tasks.lead-working-days", "1")));

        assertThat(policy.dueBeforeDecision(Instant.parse("2026-11-30T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(policy.departmentHeadEscalationAt(Instant.parse("2026-12-23T12:00:00Z")))
                .as("juleaften no longer closed").isEqualTo(Instant.parse("2026-12-24T12:00:00Z"));
    }

    @Test
    void holdoutShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("servicepuls.tasks.holdout-share", "1.5"))).isInstanceOf(BindException.class);
    }
}
