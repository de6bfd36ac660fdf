package dk.servicepuls.analytics.eventcounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dk.servicepuls.analytics.facts.EventFacts;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A stream over all three event topics, delivered once and then every record again with the same (source, id): the
 * counts analytics keeps and Prometheus scrapes stay what the first delivery made them.
 */
@ServiceIntegrationTest
class DuplicateDeliveryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String GROUP = "analytics-service";
    private static final String[] TOPICS = { Topics.CONTACT_EVENTS, Topics.FEEDBACK_EVENTS, Topics.ESCALATION_EVENTS };
    private static final int CASES = 40;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventFacts facts;

    HttpCalls http;
    BinaryRecords records;
    RecordedTopic deadLetters;
    String department;

    private record Sent(String topic, String key, Map<String, String> headers, String data) {
    }

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
        records = new BinaryRecords(broker.getBrokersAsString(), GROUP);
        deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter(GROUP));
        department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        deadLetters.close();
        records.close();
    }

    @Test
    void everyEventDeliveredTwiceLeavesEveryCountAsItWas() {
        List<Sent> stream = stream();
        long started = System.nanoTime();

        stream.forEach(this::send);
        Map<String, Double> once = settledCounts();
        long factsOnce = facts();
        stream.forEach(this::send);
        Map<String, Double> twice = settledCounts();
        long factsTwice = facts();
        long parked = deadLetters.recordsUntilNow(WAIT).stream()
                .filter(r -> department.equals(RecordedTopic.header(r, "ce_department"))).count();

        double countedOnce = once.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("faults: duplicate delivery (analytics-service): %d events on 3 topics delivered twice in %d s; "
                + "counted %.0f before = %.0f after, stored facts %d = %d, dead letters %d, by type %s = %s%n",
                stream.size(), (System.nanoTime() - started) / 1_000_000_000, countedOnce,
                twice.values().stream().mapToDouble(Double::doubleValue).sum(), factsOnce, factsTwice, parked, once, twice);

        assertThat(countedOnce).isEqualTo(stream.size());
        assertThat(factsOnce).isEqualTo(stream.size());
        assertThat(twice).isEqualTo(once);
        assertThat(factsTwice).isEqualTo(factsOnce);
        assertThat(parked).isZero();
    }

    /** Each case's life as the three topics tell it: opened, contacts, a decision, feedback, a task and its end. */
    private List<Sent> stream() {
        List<Sent> stream = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            String caseId = "SAG-" + c + "-" + UUID.randomUUID().toString().substring(0, 4);
            add(stream, Topics.CONTACT_EVENTS, caseId, EventType.CASE_OPENED);
            for (int k = 0; k <= c % 3; k++) {
                add(stream, Topics.CONTACT_EVENTS, caseId, EventType.CONTACT_RECORDED);
            }
            add(stream, Topics.CONTACT_EVENTS, caseId, EventType.DECISION_PENDING);
            add(stream, Topics.FEEDBACK_EVENTS, caseId, EventType.FEEDBACK_SUBMITTED);
            add(stream, Topics.FEEDBACK_EVENTS, caseId, EventType.FEEDBACK_ANALYZED);
            add(stream, Topics.ESCALATION_EVENTS, caseId, EventType.RISK_ASSESSED);
            if (c % 2 == 0) {
                add(stream, Topics.ESCALATION_EVENTS, caseId, EventType.TASK_CREATED);
                add(stream, Topics.ESCALATION_EVENTS, caseId, c % 4 == 0 ? EventType.TASK_COMPLETED : EventType.TASK_EXPIRED);
            }
            add(stream, Topics.CONTACT_EVENTS, caseId, c % 5 == 0 ? EventType.CASE_CLOSED : EventType.DECISION_MADE);
        }
        return stream;
    }

    private void add(List<Sent> stream, String topic, String caseId, EventType type) {
        stream.add(new Sent(topic, caseId, BinaryRecords.headers(UUID.randomUUID().toString(), type.type(), caseId,
                department), "{}"));
    }

    private void send(Sent sent) {
        records.send(sent.topic(), sent.key(), sent.headers(), sent.data());
    }

    /** Once the group has committed past everything on the three topics: the department's counts by type. */
    private Map<String, Double> settledCounts() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> records.caughtUp(TOPICS));
        Map<String, Double> counts = new TreeMap<>();
        String label = "department=\"" + department + "\"";
        http.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("servicepuls_events_total{") && line.contains(label))
                .forEach(line -> {
                    String type = line.substring(line.indexOf("type=\"") + 6);
                    counts.merge(type.substring(0, type.indexOf('"')), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                            Double::sum);
                });
        return counts;
    }

    private long facts() {
        long[] stored = {0};
        facts.readAll(slice -> stored[0] += slice.stream().filter(fact -> department.equals(fact.department())).count());
        return stored[0];
    }
}
