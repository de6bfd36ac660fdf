package dk.servicepuls.analytics.kpigauges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dk.servicepuls.analytics.kpis.Kpi;
import dk.servicepuls.analytics.kpis.Kpis;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@ServiceIntegrationTest
class KpiGaugesIntegrationTests {

    /** The label every meter of the service carries. */
    private static final String SERVICE = ",service=\"analytics-service\"";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    Kpis kpis;

    @Autowired
    KpiGauges gauges;

    BinaryRecords records;

    @BeforeEach
    void setUp() {
        records = new BinaryRecords(broker.getBrokersAsString(), "analytics-service");
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    @Test
    void theNineRulesAndMaturityAreScrapedPerDepartmentAndASmallGroupsFigureIsLeftOut() {
        String large = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String small = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        casesWithAnInboundCallEach(large, 6);
        RecordMetadata last = casesWithAnInboundCallEach(small, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> records.consumed(last) && contactsThisMonth(large) == 6);

        gauges.refresh();
        List<String> scraped = new HttpCalls(port).get("/actuator/prometheus").body().lines()
                .filter(line -> !line.startsWith("#")).toList();

        // first-contact resolution over the six contacts: three of six resolved; mean wait (60 + … + 360) / 6
        assertThat(scraped).contains(
                "servicepuls_nine_rules_value{department=\"" + large
                        + "\",name=\"first-time-right\",proxy=\"firstContactResolution\",rule=\"6\"" + SERVICE + "} 0.5",
                "servicepuls_nine_rules_value{department=\"" + large
                        + "\",name=\"first-impression\",proxy=\"waitMeanSeconds\",rule=\"1\"" + SERVICE + "} 210.0");
        assertThat(scraped).anyMatch(line -> line.startsWith("servicepuls_service_maturity_level{department=\"" + large
                + "\"" + SERVICE + "} 1.0"));
        assertThat(scraped).anyMatch(line -> line.startsWith("servicepuls_service_maturity_indicator_level{department=\""
                + large + "\",indicator=\"firstContactResolution\"" + SERVICE + "} 1.0"));
        // three contacts are below the minimum group of five: no value for that department, and no zero either
        assertThat(scraped).noneMatch(line -> line.startsWith("servicepuls_nine_rules_value{department=\"" + small + "\""));
        assertThat(scraped).anyMatch(line -> line.startsWith("servicepuls_service_maturity_level{department=\"" + small + "\""));
        // no proactive calls and no decisions: the effect rests on nothing and is not shown
        assertThat(scraped).noneMatch(line -> line.startsWith("servicepuls_call_effect_") && line.contains(large));
        assertThat(scraped).anyMatch(line -> line.startsWith("servicepuls_kpi_gauges_refresh_seconds_count"));
    }

    private double contactsThisMonth(String department) {
        Double value = kpis.lastMonths(department, 1).wholeRange().figure(Kpi.CONTACTS).value();
        return value == null ? 0 : value;
    }

    /** Cases each with one inbound call, waits 60, 120, … s, the first half resolved on first contact. */
    private RecordMetadata casesWithAnInboundCallEach(String department, int cases) {
        RecordMetadata last = null;
        for (int i = 1; i <= cases; i++) {
            String caseId = "SAG-" + i;
            send(department, caseId, EventType.CASE_OPENED,
                    "{\"caseType\":\"pas\",\"team\":\"t-1\",\"party\":{\"type\":\"citizen\"}}");
            last = send(department, caseId, EventType.CONTACT_RECORDED, "{\"contactId\":\"c-" + i + "\",\"channel\":\"phone\","
                    + "\"direction\":\"inbound\",\"waitSeconds\":" + 60 * i + ",\"resolvedOnFirstContact\":"
                    + (i <= cases / 2) + "}");
        }
        return last;
    }

    private RecordMetadata send(String department, String caseId, EventType type, String data) {
        return records.send(type.publishedTopic(), caseId, BinaryRecords.headers(UUID.randomUUID().toString(), type.type(),
                caseId, department), data);
    }
}
