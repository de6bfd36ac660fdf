package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dk.servicepuls.contracts.EventSchemas;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.sealing.CaseRef;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextSeal;
import dk.servicepuls.testing.TestTokens;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.ServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class ClaimAndCompleteIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DECISION_DUE = Instant.parse("2036-12-11T12:00:00Z");

    @Autowired
    TextKeys keys;

    @Autowired
    MongoTemplate mongo;

    @PerTest
    TaskScenario scenario;
    String taskId;

    @BeforeEach
    void setUp() {
        scenario.rejectionPending(DECISION_DUE);
        taskId = scenario.theTask().get("taskId").asString();
    }

    @Test
    void claimThenCompletePublishesTaskClaimedAndTaskCompletedInBinaryModeKeyedByCase() {
        HttpCalls.Answer claimed = scenario.claim(taskId, "cw-1");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("status").asString()).isEqualTo("claimed");
        assertThat(claimed.json().get("caseworkerId").asString()).isEqualTo("cw-1");

        HttpCalls.Answer completed = scenario.complete(taskId,
                "{\"caseworkerId\":\"cw-1\",\"outcome\":\"reached_resolved\",\"note\":\"Explained the rules; accepted.\"}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("completed");
        assertThat(completed.json().get("outcome").asString()).isEqualTo("reached_resolved");

        ConsumerRecord<String, byte[]> claim = scenario.theAnnouncement(EventType.TASK_CLAIMED);
        ConsumerRecord<String, byte[]> completion = scenario.theAnnouncement(EventType.TASK_COMPLETED);
        for (ConsumerRecord<String, byte[]> record : List.of(claim, completion)) {
            assertThat(record.key()).isEqualTo(scenario.caseId);
            assertThat(RecordedTopic.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(RecordedTopic.header(record, "ce_source")).isEqualTo("/servicepuls/escalation-service");
            assertThat(RecordedTopic.header(record, "ce_subject")).isEqualTo(scenario.caseId);
            assertThat(RecordedTopic.header(record, "ce_department")).isEqualTo(scenario.department);
            assertThat(RecordedTopic.header(record, "content-type")).isEqualTo("application/json");
        }
        JsonNode claimData = JSON.readTree(RecordedTopic.value(claim));
        assertThat(new EventSchemas().validate(EventType.TASK_CLAIMED, claimData)).isEmpty();
        assertThat(claimData.get("taskId").asString()).isEqualTo(taskId);
        assertThat(claimData.get("caseworkerId").asString()).isEqualTo("cw-1");
        JsonNode completionData = JSON.readTree(RecordedTopic.value(completion));
        assertThat(new EventSchemas().validate(EventType.TASK_COMPLETED, completionData)).isEmpty();
        assertThat(completionData.get("outcome").asString()).isEqualTo("reached_resolved");
        assertThat(completionData.get("note").asString()).startsWith("sealed:v1:").doesNotContain("Explained");
        assertThat(opened(completionData.get("note").asString())).contains("Explained the rules; accepted.");
        assertThat(completionData.get("caseworkerId").asString()).isEqualTo("cw-1");
        assertThat(claim.offset()).as("one case, one partition, in order").isLessThan(completion.offset());
    }

    @Test
    void onlyACaseworkerClaimsAndOnlyAsThemselves() {
        String claim = "/api/v1/tasks/" + taskId + "/claim";

        HttpCalls.Answer byManager = scenario.api.post(claim, TestTokens.manager(scenario.department), "application/json", "{}");
        HttpCalls.Answer asSomeoneElse = scenario.api.post(claim, scenario.caseworker("cw-1"), "application/json",
                "{\"caseworkerId\":\"cw-2\"}");
        HttpCalls.Answer fromAnotherDepartment = scenario.api.post(claim,
                TestTokens.caseworker("cw-9", "other-" + scenario.department, TaskScenario.TEAM), "application/json", "{}");

        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.contentType()).startsWith("application/problem+json");
        assertThat(asSomeoneElse.status()).isEqualTo(403);
        assertThat(fromAnotherDepartment.status()).as("another department's task is not even there").isEqualTo(404);
        assertThat(scenario.task(taskId).get("status").asString()).isEqualTo("open");
        HttpCalls.Answer withoutBody = scenario.api.post(claim, scenario.caseworker("cw-1"), "application/json", "");
        assertThat(withoutBody.status()).as(withoutBody.body()).isEqualTo(200);
        assertThat(withoutBody.json().get("caseworkerId").asString()).isEqualTo("cw-1");
    }

    @Test
    void completedTaskShowsItsHistoryAndNoComingDeadlines() {
        JsonNode open = scenario.task(taskId);
        assertThat(open.get("deadlines").valueStream().map(deadline -> deadline.get("kind").asString()))
                .containsExactly("due", "escalation_team_lead", "escalation_department_head", "decision");
        assertThat(open.get("reasons").get(0).asString()).isEqualTo("unfavourable_decision_pending");

        scenario.claim(taskId, "cw-1");
        scenario.complete(taskId, "{\"caseworkerId\":\"cw-1\",\"outcome\":\"not_reached\",\"note\":\"No answer\"}");

        JsonNode done = scenario.task(taskId);
        assertThat(done.get("deadlines")).as("the clock stopped").isEmpty();
        assertThat(done.get("closedAt").asString()).isNotBlank();
        assertThat(done.get("history").valueStream().map(step -> step.get("event").asString()))
                .containsExactly("created", "claimed", "completed");
        assertThat(done.get("history").get(0).has("from")).isFalse();
        assertThat(done.get("history").get(1).get("actor").asString()).isEqualTo("cw-1");
        assertThat(done.get("history").get(2).get("to").asString()).isEqualTo("completed");
    }

    @Test
    void callNoteIsMaskedInTheStoreAndMaskedAndSealedInTaskCompleted() {
        scenario.claim(taskId, "cw-1");
        HttpCalls.Answer completed = scenario.complete(taskId, "{\"caseworkerId\":\"cw-1\",\"outcome\":"
                + "\"reached_complaint_expected\",\"note\":\"Called 12 34 56 78, CPR 010203-1234, wrote to a@b.dk\"}");

        assertThat(completed.json().get("note").asString()).isEqualTo("Called [PHONE], CPR [CPR], wrote to [EMAIL]");
        JsonNode data = JSON.readTree(RecordedTopic.value(scenario.theAnnouncement(EventType.TASK_COMPLETED)));
        assertThat(data.get("note").asString()).doesNotContain("Called", "[PHONE]");
        assertThat(opened(data.get("note").asString())).contains("Called [PHONE], CPR [CPR], wrote to [EMAIL]");
    }

    /** The note as the case's key opens it: the one the service made and published on privacy.text-keys. */
    private Optional<String> opened(String sealed) {
        return TextSeal.open(keys.keyFor(new CaseRef(scenario.department, scenario.caseId)), sealed);
    }

    @Test
    void twoCaseworkersClaimingAtOnceGetOneTaskAndOneConflict() {
        CompletableFuture<HttpCalls.Answer> first = CompletableFuture.supplyAsync(() -> scenario.claim(taskId, "cw-1"));
        CompletableFuture<HttpCalls.Answer> second = CompletableFuture.supplyAsync(() -> scenario.claim(taskId, "cw-2"));

        List<HttpCalls.Answer> answers = List.of(first.join(), second.join());
        assertThat(answers).extracting(HttpCalls.Answer::status).containsExactlyInAnyOrder(200, 409);
        HttpCalls.Answer conflict = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asString()).contains("already claimed");
        await().atMost(TaskScenario.WAIT).untilAsserted(() ->
                assertThat(scenario.announced(EventType.TASK_CLAIMED)).hasSize(1));
    }

    @Test
    void completingWithoutANoteIsABadRequestProblemAndChangesNothing() {
        scenario.claim(taskId, "cw-1");

        for (String body : List.of("{\"caseworkerId\":\"cw-1\",\"outcome\":\"declined\"}",
                "{\"caseworkerId\":\"cw-1\",\"outcome\":\"declined\",\"note\":\"   \"}")) {
            HttpCalls.Answer answer = scenario.complete(taskId, body);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).endsWith("/note-required");
            assertThat(answer.json().get("detail").asString()).contains("notatpligt");
        }
        assertThat(scenario.task(taskId).get("status").asString()).isEqualTo("claimed");
    }

    @Test
    void completingAnUnclaimedTaskIsAConflictProblem() {
        HttpCalls.Answer answer = scenario.complete(taskId,
                "{\"caseworkerId\":\"cw-1\",\"outcome\":\"declined\",\"note\":\"Did not want to talk\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains("claimed before");
    }

    @Test
    void completingTwiceIsAConflictProblemAndAnnouncedOnce() {
        scenario.claim(taskId, "cw-1");
        String body = "{\"caseworkerId\":\"cw-1\",\"outcome\":\"declined\",\"note\":\"Did not want to talk\"}";
        assertThat(scenario.complete(taskId, body).status()).isEqualTo(200);

        HttpCalls.Answer again = scenario.complete(taskId, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("completed");
        scenario.theAnnouncement(EventType.TASK_COMPLETED);
    }

    @Test
    void unknownOutcomeIsABadRequestProblem() {
        scenario.claim(taskId, "cw-1");
        HttpCalls.Answer answer = scenario.complete(taskId, "{\"caseworkerId\":\"cw-1\",\"outcome\":\"maybe\",\"note\":\"x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).endsWith("/invalid-outcome");
    }

    @Test
    void taskStoredBeforeStepsWereVersionedCanStillBeClaimed() {
        String legacyId = "legacy-" + UUID.randomUUID();
        mongo.insert(new Document("_id", legacyId).append("department", scenario.department)
                .append("caseId", scenario.caseId + "-legacy").append("trigger", "DECISION_PENDING")
                .append("createdAt", Date.from(Instant.parse("2026-11-01T10:00:00Z")))
                .append("dueAt", Date.from(Instant.parse("2036-12-09T12:00:00Z"))).append("status", "OPEN")
                .append(TaskStore.OPEN_CASE, new Document("department", scenario.department)
                        .append("caseId", scenario.caseId + "-legacy")), TaskStore.COLLECTION);

        HttpCalls.Answer claimed = scenario.claim(legacyId, "cw-1");

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().get("status").asString()).isEqualTo("claimed");
    }

    @Test
    void unknownTaskIsANotFoundProblem() {
        assertThat(scenario.get("/api/v1/tasks/no-such-task").status()).isEqualTo(404);
        assertThat(scenario.claim("no-such-task", "cw-1").status()).isEqualTo(404);
    }

    @Test
    void inboxNarrowsToACaseworkerAndAStatus() {
        scenario.claim(taskId, "cw-7");

        assertThat(scenario.get("/api/v1/tasks?department=" + scenario.department + "&caseworkerId=cw-7")
                .json().get("tasks")).hasSize(1);
        assertThat(scenario.get("/api/v1/tasks?department=" + scenario.department + "&caseworkerId=cw-8")
                .json().get("tasks")).isEmpty();
        assertThat(scenario.get("/api/v1/tasks?department=" + scenario.department + "&status=claimed")
                .json().get("tasks")).hasSize(1);
        assertThat(scenario.get("/api/v1/tasks?department=" + scenario.department + "&status=open")
                .json().get("tasks")).isEmpty();
        assertThat(scenario.get("/api/v1/tasks?department=" + scenario.department + "&status=lost").status())
                .isEqualTo(400);
    }
}
