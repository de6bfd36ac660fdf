package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.bson.Document;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@TestPropertySource(properties = "servicepuls.tasks.holdout-share=1.0")
class HoldoutIntegrationTests {

    private static final Instant DECISION_DUE = Instant.parse("2036-12-11T12:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @PerTest
    TaskScenario scenario;

    @Test
    void heldOutCaseGetsNoTaskAndIsRecordedAndAnnouncedAsControlOnce() {
        scenario.rejectionPending(DECISION_DUE);
        RecordMetadata second = scenario.rejectionPending(DECISION_DUE.plusSeconds(86_400));

        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(second));
        assertThat(scenario.inbox(scenario.department)).isEmpty();
        List<Document> controls = mongo.find(Query.query(Criteria.where("department").is(scenario.department)),
                Document.class, ControlCases.COLLECTION);
        assertThat(controls).hasSize(1);
        assertThat(controls.get(0).getString("caseId")).isEqualTo(scenario.caseId);
        assertThat(controls.get(0).getString("reason")).isEqualTo("holdout");
        assertThat(controls.get(0).get("at")).isNotNull();
        assertThat(decisions("holdout")).isEqualTo(1);
        assertThat(decisions("case_in_control_group")).isEqualTo(1);
        assertThat(scenario.announced(EventType.TASK_CREATED)).isEmpty();

        ConsumerRecord<String, byte[]> heldOut = scenario.theAnnouncement(EventType.TASK_HELD_OUT);
        assertThat(RecordedTopic.header(heldOut, "ce_id")).isEqualTo(ControlCases.eventId(scenario.department, scenario.caseId));
        assertThat(RecordedTopic.header(heldOut, "ce_department")).isEqualTo(scenario.department);
        assertThat(RecordedTopic.header(heldOut, "ce_subject")).isEqualTo(scenario.caseId);
        String data = new String(heldOut.value(), StandardCharsets.UTF_8);
        assertThat(data).contains("\"trigger\":\"decision_pending\"", "\"holdoutShare\":1.0", "unfavourable_decision_pending");
        // the relay takes the entry out once Kafka has it: nothing waits to be announced again
        await().atMost(TaskScenario.WAIT).untilAsserted(() -> assertThat(mongo.findById(
                scenario.department + "/" + scenario.caseId, Document.class, ControlCases.COLLECTION))
                .doesNotContainKey("outboxSeq"));
        assertThat(scenario.announced(EventType.TASK_HELD_OUT)).hasSize(1);
    }

    @Test
    void favourableDecisionIsNotEligibleAndNotRecorded() {
        RecordMetadata sent = scenario.send(EventType.DECISION_PENDING,
                "{\"expectedOutcome\":\"approved\",\"dueAt\":\"" + DECISION_DUE + "\"}");

        await().atMost(TaskScenario.WAIT).until(() -> scenario.records.consumed(sent));
        assertThat(mongo.exists(Query.query(Criteria.where("department").is(scenario.department)),
                ControlCases.COLLECTION)).isFalse();
    }

    private double decisions(String outcome) {
        return scenario.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("servicepuls_tasks_decisions_total{"))
                .filter(line -> line.contains("department=\"" + scenario.department + "\"")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
