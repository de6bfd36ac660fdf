package dk.servicepuls.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.RealInfrastructure;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB with {@code notablescan}: every query that no index serves fails instead of scanning, so a stream of
 * case events that comes out as tasks, with nothing parked on the dead-letter topic, shows that risk and tasks only
 * ever read by key on the event path. Skipped where no Docker engine runs; the embedded store's equivalent is
 * {@code EventPathScansIntegrationTests} in the local module.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY,
        // the scheduled sweeps (SLA ladder, open-task gauges) are off the event path and not what is shown here
        "servicepuls.tasks.escalation.interval=1h", "servicepuls.tasks.metrics-refresh=1h" })
class EventPathWithoutTableScansIntegrationTests {

    private static final int CASES = 20;

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Container
    static final KafkaContainer kafka = RealInfrastructure.kafka();

    @Container
    static final MongoDBContainer mongo = RealInfrastructure.mongo();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> {
            refuseTableScans();
            return mongo.getReplicaSetUrl("servicepuls-escalation");
        });
    }

    private static void refuseTableScans() {
        try (MongoClient admin = MongoClients.create(mongo.getReplicaSetUrl("admin"))) {
            admin.getDatabase("admin").runCommand(new Document("setParameter", 1).append("notablescan", true));
        }
    }

    @Test
    void aStreamOfCaseEventsBecomesTasksWithoutOneTableScan() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        Instant decisionDue = Instant.parse("2036-12-11T12:00:00Z");
        try (BinaryRecords records = new BinaryRecords(kafka.getBootstrapServers(), "escalation-service");
                RecordedTopic announced = new RecordedTopic(kafka.getBootstrapServers(), Topics.ESCALATION_EVENTS);
                RecordedTopic deadLetters = new RecordedTopic(kafka.getBootstrapServers(),
                        Topics.deadLetter("escalation-service"))) {
            RecordMetadata last = null;
            for (int i = 0; i < CASES; i++) {
                String caseId = "SAG-" + i;
                send(records, EventType.CASE_OPENED, caseId, department,
                        "{\"caseType\":\"enkeltydelse\",\"party\":{\"type\":\"citizen\",\"ref\":\"p-" + i + "\"},\"team\":\"t1\"}");
                send(records, EventType.CONTACT_RECORDED, caseId, department,
                        "{\"channel\":\"phone\",\"direction\":\"inbound\",\"waitSeconds\":900,\"resolvedOnFirstContact\":false}");
                send(records, EventType.DECISION_PENDING, caseId, department,
                        "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"" + decisionDue + "\",\"caseworkerId\":\"sb-1\"}");
                if (i % 2 == 0) {
                    send(records, EventType.DECISION_MADE, caseId, department, "{\"outcome\":\"rejected\"}");
                    last = send(records, EventType.CASE_CLOSED, caseId, department, "{}");
                }
                else {
                    last = send(records, EventType.CONTACT_RECORDED, caseId, department,
                            "{\"channel\":\"email\",\"direction\":\"outbound\",\"resolvedOnFirstContact\":true}");
                }
            }
            RecordMetadata marker = last;
            await().atMost(WAIT).until(() -> records.consumed(marker));

            Set<String> casesWithATask = new HashSet<>();
            await().atMost(WAIT).untilAsserted(() -> {
                announced.records(r -> EventType.TASK_CREATED.type().equals(RecordedTopic.header(r, "ce_type"))
                        && department.equals(RecordedTopic.header(r, "ce_department"))).forEach(r -> casesWithATask.add(r.key()));
                assertThat(casesWithATask).hasSize(CASES);
            });
            assertThat(deadLetters.records()).as("records parked because a query failed").isEmpty();
        }
    }

    private static RecordMetadata send(BinaryRecords records, EventType type, String caseId, String department, String data) {
        Map<String, String> headers = BinaryRecords.headers(UUID.randomUUID().toString(), type.type(), caseId, department);
        return records.send(Topics.CONTACT_EVENTS, caseId, headers, data);
    }
}
