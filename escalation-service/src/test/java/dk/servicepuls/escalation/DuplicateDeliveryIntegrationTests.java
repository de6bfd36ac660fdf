package dk.servicepuls.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.ApiCalls;
import dk.servicepuls.testing.TestTokens;
import dk.servicepuls.platform.outbox.OutboxEntry;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Delivery is at least once: a consumer that restarts from its last committed offset sees a whole stretch of both
 * topics again. A stream of case events over contact.events and feedback.events, delivered once and then every one of
 * them again with the same (source, id), leaves every stored document of the department (tasks, risks, case files,
 * party complaints), every counter Prometheus scrapes for it and every announcement on escalation.events as they were
 * after the first delivery.
 */
@ServiceIntegrationTest
class DuplicateDeliveryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int CASES = 30;
    /** Far enough ahead that the SLA ladder finds no task overdue while the test runs. */
    private static final Instant DECISIONS_DUE = Instant.parse("2036-11-03T12:00:00Z");
    private static final String GROUP = "escalation-service";
    private static final List<String> SOURCES = List.of(Topics.CONTACT_EVENTS, Topics.FEEDBACK_EVENTS);
    /**
     * The task decisions by outcome. Found by this test: a redelivered event used to count its decision again
     * (CaseRiskAssessor hands a known event's assessment to the task decisions once more, so that a crash between the
     * risk write and the task insert still gets its task); they are printed apart and must not move either.
     */
    private static final String DECISIONS = "servicepuls_tasks_decisions_total";
    private static final String CREATED = DECISIONS + "{outcome=created}";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    HttpCalls http;
    ApiCalls api;
    BinaryRecords records;
    RecordedTopic announced;
    RecordedTopic deadLetters;
    String department;

    /** A record as it was sent, to be sent again exactly so. */
    private record Sent(String topic, String key, Map<String, String> headers, String data) {
    }

    private record Snapshot(Map<String, List<Document>> documents, Map<String, Double> counters, int inbox,
            long announcements, long deadLetters) {

        long tasks() {
            return documents.getOrDefault("tasks", List.of()).size();
        }

        Map<String, Long> taskStates() {
            return documents.getOrDefault("tasks", List.of()).stream()
                    .collect(Collectors.groupingBy(task -> task.getString("status"), TreeMap::new, Collectors.counting()));
        }

        Map<String, Double> countersButDecisions() {
            Map<String, Double> others = new TreeMap<>(counters);
            others.keySet().removeIf(name -> name.startsWith(DECISIONS));
            return others;
        }

        Map<String, Double> decisions() {
            Map<String, Double> decisions = new TreeMap<>(counters);
            decisions.keySet().removeIf(name -> !name.startsWith(DECISIONS));
            return decisions;
        }

        double counter(String name) {
            return counters.getOrDefault(name, 0.0);
        }
    }

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
        api = new ApiCalls(port);
        records = new BinaryRecords(broker.getBrokersAsString(), GROUP);
        announced = new RecordedTopic(broker.getBrokersAsString(), Topics.ESCALATION_EVENTS);
        deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter(GROUP));
        department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        deadLetters.close();
        announced.close();
        records.close();
    }

    @Test
    void everyEventDeliveredTwiceChangesNoTaskNoRiskAndNoCount() {
        List<Sent> stream = stream();
        long started = System.nanoTime();

        stream.forEach(this::send);
        Snapshot once = settled();
        stream.forEach(this::send);
        Snapshot twice = settled();

        System.out.printf("faults: duplicate delivery (escalation-service): %d events on %d cases delivered twice in %d s; "
                + "tasks %d before = %d after %s, stored documents %d = %d, announcements on escalation.events %d = %d, "
                + "dead letters %d = %d, counters %s = %s; task decisions %s -> %s%n",
                stream.size(), CASES, (System.nanoTime() - started) / 1_000_000_000, once.tasks(), twice.tasks(),
                once.taskStates(), total(once), total(twice), once.announcements(), twice.announcements(),
                once.deadLetters(), twice.deadLetters(), once.countersButDecisions(), twice.countersButDecisions(),
                once.decisions(), twice.decisions());

        // the stream is no trivial one: it made tasks, moved some of them, and every event was handled, none parked
        assertThat(once.tasks()).isPositive();
        assertThat(once.taskStates()).hasSizeGreaterThan(1);
        assertThat(once.inbox()).isEqualTo(once.tasks());
        assertThat(once.deadLetters()).isZero();
        assertThat(once.counter(CREATED)).isEqualTo(once.tasks());
        // what a second delivery must leave as it was
        assertThat(twice.documents()).isEqualTo(once.documents());
        assertThat(twice.inbox()).isEqualTo(once.inbox());
        assertThat(twice.announcements()).isEqualTo(once.announcements());
        assertThat(twice.deadLetters()).isZero();
        assertThat(twice.countersButDecisions()).isEqualTo(once.countersButDecisions()).isNotEmpty();
        assertThat(twice.decisions()).isEqualTo(once.decisions()).containsKey(CREATED);
    }

    /**
     * Thirty cases of one department with what happens on cases: opened for a party (some parties on several cases),
     * contacts, a decision pending with each of the expected outcomes, feedback, complaints, complaint intent, hand-offs,
     * decisions made and cases closed. Each case's events in its order, keyed by the case.
     */
    private List<Sent> stream() {
        List<Sent> stream = new ArrayList<>();
        String[] outcomes = { "rejected", "partially_approved", "approved" };
        for (int c = 0; c < CASES; c++) {
            String caseId = "SAG-" + c + "-" + UUID.randomUUID().toString().substring(0, 4);
            String party = ("party-" + (c % 10) + "-" + department).repeat(2);
            add(stream, Topics.CONTACT_EVENTS, caseId, EventType.CASE_OPENED, "{\"caseType\":\"boligstoette\",\"party\":"
                    + "{\"type\":\"citizen\",\"ref\":\"" + party + "\"},\"team\":\"ydelse-1\",\"caseworkerId\":\"sb-" + c + "\"}");
            for (int k = 0; k < c % 4; k++) {
                add(stream, Topics.CONTACT_EVENTS, caseId, EventType.CONTACT_RECORDED, "{\"contactId\":\"k-" + c + "-" + k
                        + "\",\"channel\":\"phone\",\"direction\":\"inbound\",\"waitSeconds\":" + (300 * k)
                        + ",\"resolvedOnFirstContact\":false}");
            }
            add(stream, Topics.CONTACT_EVENTS, caseId, EventType.DECISION_PENDING, "{\"expectedOutcome\":\""
                    + outcomes[c % 3] + "\",\"dueAt\":\"" + DECISIONS_DUE.plus(Duration.ofDays(c)) + "\",\"caseworkerId\":\"sb-"
                    + c + "\"}");
            add(stream, Topics.FEEDBACK_EVENTS, caseId, EventType.FEEDBACK_SUBMITTED, "{\"feedbackId\":\"f-" + c
                    + "\",\"csat\":" + (1 + c % 5) + ",\"ces\":" + (1 + c % 7) + "}");
            if (c % 4 == 0) {
                add(stream, Topics.FEEDBACK_EVENTS, caseId, EventType.COMPLAINT_FILED, "{\"complaintId\":\"kl-" + c
                        + "\",\"kind\":\"service_complaint\",\"text\":\"Ingen ringede tilbage\"}");
            }
            if (c % 8 == 5) {
                add(stream, Topics.FEEDBACK_EVENTS, caseId, EventType.FEEDBACK_ANALYZED, "{\"feedbackId\":\"f-" + c
                        + "\",\"language\":\"da\",\"sentiment\":\"negative\",\"sentimentScore\":-0.8,\"complaintIntent\":true,"
                        + "\"signals\":[\"klage\"],\"topics\":[]}");
            }
            if (c % 5 == 1) {
                add(stream, Topics.CONTACT_EVENTS, caseId, EventType.CASE_TRANSFERRED,
                        "{\"toTeam\":\"ydelse-2\",\"reason\":\"kapacitet\"}");
            }
            if (c % 6 == 2) {
                add(stream, Topics.CONTACT_EVENTS, caseId, EventType.DECISION_MADE, "{\"outcome\":\"rejected\"}");
            }
            else if (c % 7 == 3) {
                add(stream, Topics.CONTACT_EVENTS, caseId, EventType.CASE_CLOSED, "{}");
            }
        }
        return stream;
    }

    private void add(List<Sent> stream, String topic, String caseId, EventType type, String data) {
        stream.add(new Sent(topic, caseId, BinaryRecords.headers(UUID.randomUUID().toString(), type.type(), caseId,
                department), data));
    }

    private void send(Sent sent) {
        records.send(sent.topic(), sent.key(), sent.headers(), sent.data());
    }

    /**
     * Waits until the service has committed past everything on both topics and its relay has published every
     * announcement of the department, then takes stock.
     */
    private Snapshot settled() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> records.caughtUp(SOURCES.toArray(String[]::new)));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> pendingAnnouncements() == 0);
        long announcements = announced.recordsUntilNow(WAIT).stream()
                .filter(r -> department.equals(RecordedTopic.header(r, "ce_department"))).count();
        long parked = deadLetters.recordsUntilNow(WAIT).stream()
                .filter(r -> department.equals(RecordedTopic.header(r, "ce_department"))).count();
        return new Snapshot(documents(), counters(), inbox(), announcements, parked);
    }

    private long pendingAnnouncements() {
        long pending = 0;
        for (String collection : List.of("tasks", "case_risk")) {
            pending += mongo.count(Query.query(Criteria.where("department").is(department)
                    .and(OutboxEntry.SEQUENCE_FIELD).exists(true)), collection);
        }
        return pending;
    }

    /**
     * Every document of the department in every collection of the service but the audit trail, outbox bookkeeping left out, by
     * collection and key. Documents keyed by department (party complaints) count as the department's too.
     */
    private Map<String, List<Document>> documents() {
        Map<String, List<Document>> documents = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("audit_")) {
                // the audit trail records this test's own reads of the inbox: it grows by design, not by redelivery
                continue;
            }
            List<Document> ofDepartment = new ArrayList<>();
            for (Document document : mongo.findAll(Document.class, collection)) {
                if (department.equals(document.get("department"))
                        || String.valueOf(document.get("_id")).startsWith(department)) {
                    document.remove(OutboxEntry.FIELD);
                    document.remove(OutboxEntry.SEQUENCE_FIELD);
                    ofDepartment.add(document);
                }
            }
            if (!ofDepartment.isEmpty()) {
                ofDepartment.sort((a, b) -> String.valueOf(a.get("_id")).compareTo(String.valueOf(b.get("_id"))));
                documents.put(collection, ofDepartment);
            }
        }
        return documents;
    }

    /** Every counter of the department as Prometheus scrapes it, by name and its labels other than department. */
    private Map<String, Double> counters() {
        Map<String, Double> counters = new TreeMap<>();
        String label = "department=\"" + department + "\"";
        http.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("servicepuls_") && line.contains(label))
                .filter(line -> line.substring(0, line.indexOf('{')).endsWith("_total"))
                .forEach(line -> counters.merge(name(line, label), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                        Double::sum));
        return counters;
    }

    private static String name(String line, String departmentLabel) {
        String labels = line.substring(line.indexOf('{') + 1, line.lastIndexOf('}'));
        String others = List.of(labels.split(",")).stream()
                .filter(l -> !l.equals(departmentLabel) && !l.startsWith("service=") && !l.startsWith("application="))
                .map(l -> l.replace("\"", "")).sorted().collect(Collectors.joining(","));
        return line.substring(0, line.indexOf('{')) + "{" + others + "}";
    }

    private int inbox() {
        var answer = api.get("/api/v1/tasks?department=" + department, TestTokens.manager(department));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("tasks").size();
    }

    private static int total(Snapshot snapshot) {
        return snapshot.documents().values().stream().mapToInt(List::size).sum();
    }
}
