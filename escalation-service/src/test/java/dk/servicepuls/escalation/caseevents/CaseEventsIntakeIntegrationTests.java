package dk.servicepuls.escalation.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@ServiceIntegrationTest
class CaseEventsIntakeIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker broker;

    BinaryRecords records;
    RecordedTopic deadLetters;
    String caseId;

    @BeforeEach
    void setUp() {
        records = new BinaryRecords(broker.getBrokersAsString(), "escalation-service");
        deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter("escalation-service"));
        caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        deadLetters.close();
        records.close();
    }

    @Test
    void oneConsumerTakesBothTopicsSoEachCaseIsHandledByOneThread() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(WAIT).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("escalation-service"))
                        .describedGroups().get("escalation-service").get();
                assertThat(group.members()).as("members of escalation-service's group").hasSize(1);
                Map<String, Set<Integer>> partitions = new TreeMap<>();
                group.members().iterator().next().assignment().topicPartitions().forEach(partition -> partitions
                        .computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition()));
                assertThat(partitions).containsOnlyKeys(Topics.CONTACT_EVENTS, Topics.FEEDBACK_EVENTS);
                assertThat(partitions.get(Topics.FEEDBACK_EVENTS)).as("the same partitions, so the same cases")
                        .isNotEmpty().isEqualTo(partitions.get(Topics.CONTACT_EVENTS));
            });
        }
    }

    @Test
    void recordOnFeedbackEventsThatIsNoCloudEventIsParkedOnTheDeadLetterTopic() {
        String marker = "{\"broken\":\"" + UUID.randomUUID() + "\"}";

        records.send(Topics.FEEDBACK_EVENTS, caseId, Map.of("content-type", "application/json"), marker);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters.records(r -> marker.equals(RecordedTopic.value(r))))
                .hasSize(1));
    }

    @Test
    void eventWhoseDataBreaksTheContractIsParkedOnTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();

        records.send(Topics.CONTACT_EVENTS, caseId, BinaryRecords.headers(id, EventType.CONTACT_RECORDED.type(), caseId,
                "dept-1"), "{\"contactId\":\"c-1\",\"channel\":\"phone\",\"direction\":\"sideways\"}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters.records(r -> id.equals(RecordedTopic.header(r, "ce_id"))))
                .hasSize(1));
    }
}
