package dk.servicepuls.analytics.eventcounts;

import dk.servicepuls.testing.BinaryRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.analytics.facts.EventFacts;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@ServiceIntegrationTest
class EventCountIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CASE_OPENED = EventType.CASE_OPENED.type();
    private static final String DECISION_PENDING = EventType.DECISION_PENDING.type();
    private static final String FEEDBACK_SUBMITTED = EventType.FEEDBACK_SUBMITTED.type();
    private static final String TASK_CREATED = EventType.TASK_CREATED.type();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventFacts facts;

    HttpCalls http;
    BinaryRecords records;
    String department;
    String caseId;

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
        records = new BinaryRecords(broker.getBrokersAsString(), "analytics-service");
        department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    @Test
    void eventsOnEachTopicAreCountedByTypeAndDepartment() {
        send(Topics.CONTACT_EVENTS, CASE_OPENED, caseId);
        send(Topics.CONTACT_EVENTS, CASE_OPENED, caseId + "-2");
        send(Topics.CONTACT_EVENTS, DECISION_PENDING, caseId);
        send(Topics.FEEDBACK_EVENTS, FEEDBACK_SUBMITTED, caseId);
        send(Topics.ESCALATION_EVENTS, TASK_CREATED, caseId);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(scraped(CASE_OPENED, department)).isEqualTo(2);
            assertThat(scraped(DECISION_PENDING, department)).isEqualTo(1);
            assertThat(scraped(FEEDBACK_SUBMITTED, department)).isEqualTo(1);
            assertThat(scraped(TASK_CREATED, department)).isEqualTo(1);
        });
        assertThat(scraped(EventType.CASE_CLOSED.type(), department)).isZero();
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(), CASE_OPENED, caseId, department);

        records.send(Topics.CONTACT_EVENTS, caseId, headers, "{}");
        RecordMetadata again = records.send(Topics.CONTACT_EVENTS, caseId, headers, "{}");

        await().atMost(WAIT).until(() -> records.consumed(again));
        assertThat(scraped(CASE_OPENED, department)).isEqualTo(1);
    }

    @Test
    void sameIdFromAnotherSourceIsAnotherEvent() {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = BinaryRecords.headers(id, CASE_OPENED, caseId, department);
        Map<String, String> otherSource = BinaryRecords.headers(id, CASE_OPENED, caseId, department);
        otherSource.put("ce_source", "/test/another-system");

        records.send(Topics.CONTACT_EVENTS, caseId, headers, "{}");
        records.send(Topics.CONTACT_EVENTS, caseId, otherSource, "{}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(scraped(CASE_OPENED, department)).isEqualTo(2));
    }

    @Test
    void typeOutsideTheContractIsCountedAsOther() {
        send(Topics.ESCALATION_EVENTS, "dk.servicepuls.unicorn.v1", caseId);

        await().atMost(WAIT).untilAsserted(() -> assertThat(scraped(EventCounts.OTHER, department)).isEqualTo(1));
        assertThat(prometheus()).doesNotContain("unicorn");
    }

    @Test
    void noCaseIdOrEventIdReachesTheMetrics() {
        RecordMetadata sent = send(Topics.CONTACT_EVENTS, CASE_OPENED, caseId);

        await().atMost(WAIT).until(() -> records.consumed(sent));
        await().atMost(WAIT).untilAsserted(() -> assertThat(scraped(CASE_OPENED, department)).isEqualTo(1));
        assertThat(prometheus()).contains(department).doesNotContain(caseId, "/test/esdh");
    }

    @Test
    void aRestartBeginsFromTheCountsInTheStore() {
        send(Topics.CONTACT_EVENTS, CASE_OPENED, caseId);
        send(Topics.FEEDBACK_EVENTS, FEEDBACK_SUBMITTED, caseId);
        send(Topics.FEEDBACK_EVENTS, FEEDBACK_SUBMITTED, caseId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(scraped(FEEDBACK_SUBMITTED, department)).isEqualTo(2));

        SimpleMeterRegistry afterRestart = new SimpleMeterRegistry();
        facts.readAll(new EventCounts(afterRestart)::add);

        assertThat(counted(afterRestart, CASE_OPENED)).isEqualTo(1);
        assertThat(counted(afterRestart, FEEDBACK_SUBMITTED)).isEqualTo(2);
    }

    @Test
    void recordThatIsNoCloudEventIsParkedOnTheDeadLetterTopic() {
        String marker = "{\"broken\":\"" + UUID.randomUUID() + "\"}";
        try (var deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter("analytics-service"))) {
            records.send(Topics.FEEDBACK_EVENTS, caseId, Map.of("content-type", "application/json"), marker);

            await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters.records(r -> marker.equals(RecordedTopic.value(r))))
                    .hasSize(1));
        }
    }

    private RecordMetadata send(String topic, String type, String caseId) {
        return records.send(topic, caseId, BinaryRecords.headers(UUID.randomUUID().toString(), type, caseId, department), "{}");
    }

    private String prometheus() {
        var answer = http.get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The value Prometheus would scrape for servicepuls_events_total with these labels; 0 when there is none. */
    private double scraped(String type, String department) {
        return prometheus().lines()
                .filter(line -> line.startsWith("servicepuls_events_total{"))
                .filter(line -> line.contains("type=\"" + type + "\"") && line.contains("department=\"" + department + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private double counted(SimpleMeterRegistry registry, String type) {
        FunctionCounter counter = registry.find(EventCounts.METER).tags("type", type, "department", department).functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
