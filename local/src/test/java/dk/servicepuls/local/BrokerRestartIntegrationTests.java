package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
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
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.Deliveries;
import dk.servicepuls.testing.EmbeddedStore;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.RunningService;
import dk.servicepuls.testing.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The broker restarted (a real KRaft broker, shut down and started again on the same port and log directory) in the
 * middle of a stream that goes in on contact-service and comes out as tasks on escalation-service: a third of the
 * cases is sent before the broker goes, a third while it is down (answered 503, as ingest publishes before it
 * acknowledges, and sent again once the broker is back, as Retry-After asks) and a third after it is back. Every
 * acknowledged event arrives on contact.events (an event answered 503 may arrive twice: the producer may still have
 * delivered it after the answer), and escalation-service holds exactly one task per case, announced once per task.
 */
class BrokerRestartIntegrationTests {

    private static final int CASES = 60;
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Far enough ahead that the SLA ladder finds no task overdue while the test runs. */
    private static final Instant DECISION_DUE = Instant.parse("2036-12-11T12:00:00Z");

    @Test
    void brokerRestartedMidStreamLosesNoEventAndDuplicatesNoTask(@TempDir Path dataDir) throws Exception {
        Path logDir = dataDir.resolve("kafka");
        int port = FreePorts.find();
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = new ArrayList<>();
        long started = System.nanoTime();
        LocalKafkaBroker broker = LocalKafkaBroker.start(logDir, port);
        String bootstrap = broker.bootstrapServers();
        try (var contact = ServicesOnOneClassPath.start(LocalService.CONTACT, EmbeddedStore.freshUri("restart-contact"),
                bootstrap, "--servicepuls.ingest.publish-timeout=500ms");
                var escalation = ServicesOnOneClassPath.start(LocalService.ESCALATION,
                        EmbeddedStore.freshUri("restart-escalation"), bootstrap)) {
            HttpCalls http = contact.http();
            int third = CASES / 3;
            for (int c = 0; c < third; c++) {
                accepted.addAll(acceptCase(http, department, c));
            }
            // what was out when the broker went: the stream was in flight
            double relayedAtStop = contact.bean(MeterRegistry.class).counter("servicepuls.ingest.published").count();
            int acceptedAtStop = accepted.size();
            broker.close();
            long down = System.nanoTime();
            // the middle third in one batch: each refused request waits out the publish timeout
            List<TestEvents> whileDown = new ArrayList<>();
            for (int c = third; c < 2 * third; c++) {
                whileDown.addAll(caseEvents(department, c));
            }
            HttpCalls.Answer refusedAnswer = post(http, whileDown);
            assertThat(refusedAnswer.status()).as(refusedAnswer.body()).isEqualTo(503);
            List<String> refused = whileDown.stream().map(TestEvents::id).toList();
            broker = LocalKafkaBroker.start(logDir, port);
            long downFor = (System.nanoTime() - down) / 1_000_000;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> post(http, whileDown).status() == 202);
            accepted.addAll(refused);
            for (int c = 2 * third; c < CASES; c++) {
                accepted.addAll(acceptCase(http, department, c));
            }

            MongoTemplate tasks = escalation.bean(MongoTemplate.class);
            try (var published = new RecordedTopic(bootstrap, Topics.CONTACT_EVENTS);
                    var announced = new RecordedTopic(bootstrap, Topics.ESCALATION_EVENTS);
                    var escalationGroup = new BinaryRecords(bootstrap, "escalation-service")) {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> Deliveries.of(accepted, published.records()).missing().isEmpty());
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> escalationGroup.caughtUp(Topics.CONTACT_EVENTS) && pendingAnnouncements(tasks) == 0
                                && pending(contact) == 0);
                Deliveries delivered = Deliveries.of(accepted, published.recordsUntilNow(WAIT));
                Map<String, Long> tasksPerCase = tasksPerCase(tasks, department);
                List<ConsumerRecord<String, byte[]>> created = announced.recordsUntilNow(WAIT).stream()
                        .filter(r -> department.equals(RecordedTopic.header(r, "ce_department"))
                                && EventType.TASK_CREATED.type().equals(RecordedTopic.header(r, "ce_type")))
                        .toList();
                Map<String, Long> announcementsPerTask = RecordedTopic.countById(created);

                System.out.printf("faults: broker restarted mid-stream (contact-service -> escalation-service): "
                        + "%d cases, %d events acknowledged (a third each before, during (%d ms down) and after; "
                        + "%.0f of the first %d published when the broker went); contact.events: %s; tasks %d for %d "
                        + "cases (most on one case %d), task.created %d records for %d tasks; %d s%n", CASES,
                        accepted.size(), downFor, relayedAtStop, acceptedAtStop, delivered.summary(),
                        tasksPerCase.values().stream().mapToLong(Long::longValue).sum(), tasksPerCase.size(),
                        tasksPerCase.values().stream().mapToLong(Long::longValue).max().orElse(0), created.size(),
                        announcementsPerTask.size(), (System.nanoTime() - started) / 1_000_000_000);
                assertThat(delivered.missing()).isEmpty();
                assertThat(delivered.duplicated()).as("only events answered 503 may be published twice")
                        .isSubsetOf(refused);
                assertThat(tasksPerCase).hasSize(CASES).allSatisfy((caseId, count) -> assertThat(count).isOne());
                assertThat(announcementsPerTask).hasSize(CASES).allSatisfy((id, count) -> assertThat(count).isOne());
            }
        }
        finally {
            broker.close();
        }
    }

    /** A case opened, a contact and a rejection pending, in one batch: answered 202, their ids returned. */
    private static List<String> acceptCase(HttpCalls http, String department, int c) {
        List<TestEvents> events = caseEvents(department, c);
        HttpCalls.Answer answer = post(http, events);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return events.stream().map(TestEvents::id).toList();
    }

    private static HttpCalls.Answer post(HttpCalls http, List<TestEvents> events) {
        return http.post("/api/v1/events", "application/cloudevents-batch+json",
                TestEvents.batch(events.toArray(TestEvents[]::new)));
    }

    private static List<TestEvents> caseEvents(String department, int c) {
        String caseId = "SAG-" + c;
        TestEvents opened = TestEvents.event("case.opened", caseId, department)
                .data("{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"},\"team\":\"ydelse-1\"}");
        TestEvents contacted = TestEvents.event("contact.recorded", caseId, department)
                .data("{\"contactId\":\"k-" + c + "\",\"channel\":\"phone\",\"direction\":\"inbound\"}");
        TestEvents pending = TestEvents.event("decision.pending", caseId, department).data("{\"expectedOutcome\":\"rejected\","
                + "\"dueAt\":\"" + DECISION_DUE + "\",\"caseworkerId\":\"sb-" + c + "\"}");
        return List.of(opened, contacted, pending);
    }

    private static Map<String, Long> tasksPerCase(MongoTemplate escalation, String department) {
        return escalation.find(Query.query(Criteria.where("department").is(department)), Document.class, "tasks").stream()
                .collect(Collectors.groupingBy(task -> task.getString("caseId"), TreeMap::new, Collectors.counting()));
    }

    private static long pendingAnnouncements(MongoTemplate escalation) {
        return escalation.count(Query.query(Criteria.where("outboxSeq").exists(true)), "tasks")
                + escalation.count(Query.query(Criteria.where("outboxSeq").exists(true)), "case_risk");
    }

    private static long pending(RunningService contact) {
        return contact.bean(MongoTemplate.class).count(Query.query(Criteria.where("outboxSeq").exists(true)), "events");
    }
}
