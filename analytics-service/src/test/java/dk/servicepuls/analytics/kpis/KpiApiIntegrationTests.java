package dk.servicepuls.analytics.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.analytics.facts.EventFacts;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestTokens;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class KpiApiIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventFacts facts;

    @Autowired
    Kpis kpis;

    @Autowired
    KpiProperties properties;

    BinaryRecords records;
    String department;

    @BeforeEach
    void setUp() {
        records = new BinaryRecords(broker.getBrokersAsString(), "analytics-service");
        department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    /** Six cases of team t-1, each with one inbound call: waits 60, 120, … 360 s, the first three resolved. */
    private RecordMetadata sixCasesWithACallEach() {
        RecordMetadata last = null;
        for (int i = 1; i <= 6; i++) {
            String caseId = "SAG-" + i;
            send(caseId, EventType.CASE_OPENED, "{\"caseType\":\"pas\",\"team\":\"t-1\",\"party\":{\"type\":\"citizen\"}}");
            last = send(caseId, EventType.CONTACT_RECORDED, "{\"contactId\":\"c-" + i + "\",\"channel\":\"phone\","
                    + "\"direction\":\"inbound\",\"waitSeconds\":" + 60 * i + ",\"resolvedOnFirstContact\":" + (i <= 3) + "}");
        }
        return last;
    }

    @Test
    void theWeeksKpisComeAsJsonFromTheEventsOnTheTopics() {
        sixCasesWithACallEach();

        HttpCalls manager = new HttpCalls(port, (method, path) -> TestTokens.manager(department));
        await().atMost(WAIT).untilAsserted(() -> assertThat(thisWeek(manager.get("/api/v1/kpis").json(), "contacts"))
                .isEqualTo(6.0));
        HttpCalls.Answer answer = manager.get("/api/v1/kpis?granularity=week");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("department").asString()).isEqualTo(department);
        assertThat(report.get("minGroupSize").asInt()).isEqualTo(5);
        assertThat(report.get("periods")).hasSize(12);
        assertThat(thisWeek(report, "casesOpened")).isEqualTo(6.0);
        assertThat(thisWeek(report, "waitMeanSeconds")).isEqualTo(210.0);
        assertThat(thisWeek(report, "waitP90Seconds")).isEqualTo(360.0);
        assertThat(thisWeek(report, "firstContactResolution")).isEqualTo(0.5);
        assertThat(report.toString()).doesNotContain("SAG-");
    }

    @Test
    void aRedeliveredEventCountsOnceAndTheStoredFactsGiveTheSameFiguresAgain() {
        RecordMetadata last = sixCasesWithACallEach();
        send("SAG-6", EventType.CONTACT_RECORDED, "{\"contactId\":\"c-again\",\"channel\":\"phone\",\"direction\":\"inbound\"}",
                "same-id");
        RecordMetadata again = send("SAG-6", EventType.CONTACT_RECORDED,
                "{\"contactId\":\"c-again\",\"channel\":\"phone\",\"direction\":\"inbound\"}", "same-id");

        await().atMost(WAIT).until(() -> records.consumed(again) && records.consumed(last));
        KpiQuery query = new KpiQuery(department, null, java.time.LocalDate.now().minusDays(7),
                java.time.LocalDate.now().plusDays(1), Granularity.DAY);
        KpiReport live = kpis.report(query);
        CaseLedger rebuilt = new CaseLedger();
        facts.readAll(rebuilt::add);
        KpiReport fromTheStore = rebuilt.read(department, stored -> new KpiCalculator(properties)
                .report(query, stored, java.time.Instant.now()));

        assertThat(live.periods().stream().mapToDouble(period -> value(period, Kpi.CONTACTS)).sum()).isEqualTo(7.0);
        assertThat(fromTheStore).isEqualTo(live);
    }

    @Test
    void theCsvHasARowPerPeriodAndKpi() {
        sixCasesWithACallEach();
        HttpCalls manager = new HttpCalls(port, (method, path) -> TestTokens.manager(department));
        await().atMost(WAIT).untilAsserted(() -> assertThat(thisWeek(manager.get("/api/v1/kpis").json(), "contacts"))
                .isEqualTo(6.0));

        HttpCalls.Answer csv = manager.get("/api/v1/kpis?granularity=month&team=t-1", Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("content-disposition")).hasValueSatisfying(value -> value.contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(KpiCsv.HEADER);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(department + ",t-1,").contains(",contacts,6.0000,6,false"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",waitMeanSeconds,210.0000,6,false"));
    }

    @Test
    void anotherDepartmentsTokenBadParametersAndNoTokenAreProblems() {
        HttpCalls other = new HttpCalls(port, (method, path) -> TestTokens.manager("another-department"));
        HttpCalls manager = new HttpCalls(port, (method, path) -> TestTokens.manager(department));

        HttpCalls.Answer forbidden = other.get("/api/v1/kpis?department=" + department);
        HttpCalls.Answer granularity = manager.get("/api/v1/kpis?granularity=hour");
        HttpCalls.Answer date = manager.get("/api/v1/kpis?from=yesterday");
        HttpCalls.Answer range = manager.get("/api/v1/kpis?from=2026-02-01&to=2026-01-01");
        HttpCalls.Answer team = manager.get("/api/v1/kpis?team=%3DHYPERLINK(%22x%22),1");
        HttpCalls.Answer tooLong = manager.get("/api/v1/kpis?from=2000-01-01&to=2026-01-01&granularity=day");
        HttpCalls.Answer anonymous = new HttpCalls(port, HttpCalls.Bearer.NONE).get("/api/v1/kpis?department=" + department);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(granularity.status()).isEqualTo(400);
        assertThat(granularity.json().get("type").asString()).endsWith("/invalid-granularity");
        assertThat(date.json().get("type").asString()).endsWith("/invalid-date");
        assertThat(date.json().get("parameter").asString()).isEqualTo("from");
        assertThat(range.json().get("type").asString()).endsWith("/invalid-range");
        assertThat(team.status()).isEqualTo(400);
        assertThat(team.json().get("type").asString()).endsWith("/invalid-team");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("type").asString()).endsWith("/invalid-range");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private RecordMetadata send(String caseId, EventType type, String data) {
        return send(caseId, type, data, UUID.randomUUID().toString());
    }

    private RecordMetadata send(String caseId, EventType type, String data, String id) {
        return records.send(type.publishedTopic(), caseId, BinaryRecords.headers(id, type.type(), caseId, department), data);
    }

    private static Double thisWeek(JsonNode report, String kpi) {
        List<JsonNode> periods = new ArrayList<>();
        report.get("periods").forEach(periods::add);
        JsonNode value = periods.get(periods.size() - 1).get("figures").get(kpi).get("value");
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static double value(KpiReport.PeriodKpis period, Kpi kpi) {
        Double value = period.figure(kpi).value();
        return value == null ? 0 : value;
    }
}
