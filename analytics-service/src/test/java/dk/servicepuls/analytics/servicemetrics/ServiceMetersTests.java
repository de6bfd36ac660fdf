package dk.servicepuls.analytics.servicemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.contracts.EventType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class ServiceMetersTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ServiceMeters meters = new ServiceMeters(registry);
    private int ids;

    @Test
    void contactsAndTheirWaitsFollowPrometheusNaming() {
        meters.add(List.of(
                fact(EventType.CONTACT_RECORDED, "bs", FactValues.CHANNEL, "phone", FactValues.DIRECTION, "inbound",
                        FactValues.WAIT_SECONDS, 45.0, FactValues.RESOLVED_ON_FIRST_CONTACT, true),
                fact(EventType.CONTACT_RECORDED, "bs", FactValues.CHANNEL, "phone", FactValues.DIRECTION, "inbound",
                        FactValues.WAIT_SECONDS, 400.0, FactValues.RESOLVED_ON_FIRST_CONTACT, false),
                fact(EventType.CONTACT_RECORDED, "bs", FactValues.CHANNEL, "phone", FactValues.DIRECTION, "outbound",
                        FactValues.PROACTIVE_CALL, true)));

        String scrape = registry.scrape();

        assertThat(scrape).contains("servicepuls_contacts_total{channel=\"phone\",department=\"bs\",direction=\"inbound\"} 2.0")
                .contains("servicepuls_contact_wait_seconds_count{channel=\"phone\",department=\"bs\"} 2")
                .contains("servicepuls_contact_wait_seconds_sum{channel=\"phone\",department=\"bs\"} 445.0")
                .contains("servicepuls_contact_wait_seconds_bucket{channel=\"phone\",department=\"bs\",le=\"60.0\"} 1")
                .contains("servicepuls_contacts_first_contact_resolution_total{department=\"bs\",resolved=\"true\"} 1.0")
                .contains("servicepuls_proactive_calls_total{department=\"bs\"} 1.0");
    }

    @Test
    void answersAreHistogramsOfTheirScaleAndNpsAnswersCountByGroup() {
        meters.add(List.of(fact(EventType.FEEDBACK_SUBMITTED, "bs", FactValues.CSAT, 4.0, FactValues.CES, 2.0,
                FactValues.NPS, 9.0), fact(EventType.FEEDBACK_SUBMITTED, "bs", FactValues.CSAT, 2.0, FactValues.NPS, 3.0),
                fact(EventType.FEEDBACK_SUBMITTED, "bs", FactValues.CSAT, 9.0)));

        String scrape = registry.scrape();

        assertThat(scrape).contains("servicepuls_feedback_csat_count{department=\"bs\"} 2")
                .contains("servicepuls_feedback_csat_bucket{department=\"bs\",le=\"3.0\"} 1")
                .contains("servicepuls_feedback_ces_sum{department=\"bs\"} 2.0")
                .contains("servicepuls_feedback_nps_answers_total{department=\"bs\",group=\"promoter\"} 1.0")
                .contains("servicepuls_feedback_nps_answers_total{department=\"bs\",group=\"detractor\"} 1.0");
    }

    @Test
    void labelsComeFromClosedSetsSoASenderCannotMakeUpSeries() {
        meters.add(List.of(
                fact(EventType.CONTACT_RECORDED, "bs", FactValues.CHANNEL, "pigeon", FactValues.DIRECTION, "sideways"),
                fact(EventType.FEEDBACK_ANALYZED, "bs", FactValues.SENTIMENT, "negative", FactValues.COMPLAINT_INTENT, true,
                        FactValues.TOPICS, List.of("waiting-time", "SAG-123 made up")),
                fact(EventType.DECISION_MADE, "bs", FactValues.OUTCOME, "maybe"),
                fact(EventType.TASK_CREATED, "bs"),
                fact(EventType.TASK_COMPLETED, "bs", FactValues.OUTCOME, "reached_resolved")));

        String scrape = registry.scrape();

        assertThat(scrape).contains("servicepuls_contacts_total{channel=\"other\",department=\"bs\",direction=\"other\"} 1.0")
                .contains("servicepuls_texts_topics_total{department=\"bs\",topic=\"waiting-time\"} 1.0")
                .contains("servicepuls_texts_topics_total{department=\"bs\",topic=\"other\"} 1.0")
                .contains("servicepuls_texts_analysed_total{complaint_intent=\"true\",department=\"bs\",sentiment=\"negative\"} 1.0")
                .contains("servicepuls_decisions_total{department=\"bs\",outcome=\"other\"} 1.0")
                .contains("servicepuls_call_tasks_total{department=\"bs\"} 1.0")
                .contains("servicepuls_call_tasks_completed_total{department=\"bs\",outcome=\"reached_resolved\"} 1.0")
                .doesNotContain("pigeon", "SAG-123", "maybe", "case-key");
    }

    @Test
    void departmentsBeyondTheCapShareOneLabel() {
        List<EventFact> facts = new ArrayList<>();
        for (int i = 0; i <= ServiceMeters.MAX_DEPARTMENTS; i++) {
            facts.add(fact(EventType.CASE_OPENED, "d" + i));
        }

        meters.add(facts);

        assertThat(registry.find("servicepuls.cases.opened").counters()).hasSize(ServiceMeters.MAX_DEPARTMENTS + 1);
        assertThat(registry.get("servicepuls.cases.opened").tag("department", ServiceMeters.OTHER).counter().count())
                .isEqualTo(1.0);
    }

    private EventFact fact(EventType type, String department, Object... values) {
        Map<String, Object> byName = new java.util.HashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            byName.put((String) values[i], values[i + 1]);
        }
        return new EventFact("/test", "e-" + ++ids, type.type(), department, Instant.parse("2026-03-02T10:00:00Z"),
                "case-key", byName);
    }
}
