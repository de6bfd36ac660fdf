package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.IngestScenario;
import dk.servicepuls.testing.PerTest;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.ServiceUnderTest;
import dk.servicepuls.testing.TestEvents;
import dk.servicepuls.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class ContactIngestIntegrationTests {

    private static final String CONTACT = """
            {"contactId":"k-1","channel":"phone","direction":"inbound","waitSeconds":120}""";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @PerTest
    IngestScenario scenario;

    @Test
    void acceptsStructuredEventAndShowsItOnTheTimeline() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json; charset=UTF-8",
                event("case.opened", scenario.caseId, scenario.department).data("{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\"}}").json());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("status").asString()).isEqualTo("accepted");
        JsonNode timeline = scenario.http.get(timelinePath()).json();
        assertThat(timeline.get("events")).hasSize(1);
        assertThat(timeline.get("events").get(0).get("type").asString()).isEqualTo("dk.servicepuls.case.opened.v1");
        assertThat(timeline.get("events").get(0).get("data").get("caseType").asString()).isEqualTo("boligstoette");
    }

    @Test
    void acceptsBinaryModeWithUpperCaseHeaderNames() {
        var answer = scenario.http.post("/api/v1/events", Map.of("CONTENT-TYPE", "application/json", "CE-SPECVERSION", "1.0",
                "CE-ID", UUID.randomUUID().toString(), "CE-SOURCE", "/test/telefoni", "CE-TYPE", "dk.servicepuls.contact.recorded.v1",
                "CE-TIME", Instant.now().toString(), "CE-SUBJECT", scenario.caseId, "CE-DEPARTMENT", scenario.department), CONTACT);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(scenario.http.get(timelinePath()).json().get("events").get(0).get("data").get("channel").asString()).isEqualTo("phone");
    }

    @Test
    void rejectsEventNamingEveryFailingAttributeAndField() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json", event("contact.recorded", scenario.caseId, scenario.department)
                .without("time").without("department").data("{\"contactId\":\"k-1\",\"channel\":\"pigeon\"}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://servicepuls.dk/problems/invalid-event");
        assertThat(answer.json().get("errors").findValuesAsString("pointer"))
                .contains("#/time", "#/department");
        assertThat(scenario.http.get(timelinePath()).status()).isEqualTo(404);
    }

    @Test
    void rejectsDataThatBreaksTheSchemaNamingEachField() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json", event("contact.recorded", scenario.caseId, scenario.department)
                .data("{\"contactId\":\"k-1\",\"channel\":\"pigeon\"}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("pointer")).contains("#/data/channel", "#/data/direction");
    }

    @Test
    void rejectsMissingRequiredAttributesAllAtOnce() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                event("case.closed", scenario.caseId, scenario.department).without("id").without("source").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("#/id", "#/source");
    }

    @Test
    void rejectsUnknownTypeAndBodyThatIsNotJson() {
        assertThat(scenario.http.post("/api/v1/events", "application/cloudevents+json",
                event("dk.servicepuls.unicorn.v1").subject(scenario.caseId).department(scenario.department).json()).json().get("errors")
                .findValuesAsString("pointer")).containsExactly("#/type");
        var notJson = scenario.http.post("/api/v1/events", "application/cloudevents+json", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rejectsFeedbackTypesThatBelongToFeedbackService() {
        var answer = scenario.http.post("/api/v1/events", "application/cloudevents+json", event("feedback.submitted", scenario.caseId, scenario.department)
                .data("{\"feedbackId\":\"f-1\",\"csat\":4}").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("detail").asString()).contains("ingest.feedback");
    }

    @Test
    void answersARequestThatIsNoCloudEventWith415() {
        var answer = scenario.http.post("/api/v1/events", "application/json", CONTACT);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void batchKeepsValidEventsAndReportsEachInvalidOne() {
        TestEvents first = event("case.opened", scenario.caseId, scenario.department).data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"business\"}}");
        TestEvents broken = event("contact.recorded", scenario.caseId, scenario.department).data("{\"contactId\":\"k-2\"}");
        TestEvents third = event("contact.recorded", scenario.caseId, scenario.department).data(CONTACT);

        var answer = scenario.http.post("/api/v1/events", "application/cloudevents-batch+json", TestEvents.batch(first, broken, third));

        assertThat(answer.status()).isEqualTo(207);
        JsonNode body = answer.json();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(1);
        assertThat(body.get("results").get(0).get("status").asInt()).isEqualTo(202);
        JsonNode rejected = body.get("results").get(1);
        assertThat(rejected.get("status").asInt()).isEqualTo(400);
        assertThat(rejected.get("id").asString()).isEqualTo(broken.id());
        assertThat(rejected.get("problem").get("errors").findValuesAsString("pointer"))
                .contains("#/data/channel", "#/data/direction");
        assertThat(scenario.http.get(timelinePath()).json().get("events")).hasSize(2);
    }

    @Test
    void refusesBatchOverTheLimitWithoutStoringAnything() {
        TestEvents[] many = new TestEvents[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = event("contact.recorded", scenario.caseId, scenario.department).data(CONTACT);
        }

        var answer = scenario.http.post("/api/v1/events", "application/cloudevents-batch+json", TestEvents.batch(many));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(scenario.http.get(timelinePath()).status()).isEqualTo(404);
    }

    @Test
    void repeatIsAnsweredAsTheFirstAndPublishedOnce() {
        String event = event("case.opened", scenario.caseId, scenario.department).data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"citizen\"}}").json();

        var first = scenario.http.post("/api/v1/events", "application/cloudevents+json", event);
        var repeat = scenario.http.post("/api/v1/events", "application/cloudevents+json", event);

        assertThat(repeat.status()).isEqualTo(first.status());
        assertThat(repeat.body()).isEqualTo(first.body());
        await().atMost(WAIT).untilAsserted(() -> assertThat(scenario.published.records(r -> scenario.caseId.equals(r.key()))).hasSize(1));
        assertThat(scenario.http.get(timelinePath()).json().get("events")).hasSize(1);
    }

    @Test
    void publishesNormalisedEventsInBinaryModeKeyedByCaseId() {
        TestEvents opened = event("case.opened", scenario.caseId, scenario.department)
                .data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"citizen\",\"id\":\"local-4711\"},\"team\":\"byg-1\"}");
        scenario.http.post("/api/v1/events", "application/cloudevents+json", opened.json());

        await().atMost(WAIT).untilAsserted(() -> assertThat(scenario.published.records(r -> scenario.caseId.equals(r.key()))).hasSize(1));
        var record = scenario.published.records(r -> scenario.caseId.equals(r.key())).get(0);
        assertThat(RecordedTopic.header(record, "ce_id")).isEqualTo(opened.id());
        assertThat(RecordedTopic.header(record, "ce_type")).isEqualTo("dk.servicepuls.case.opened.v1");
        assertThat(RecordedTopic.header(record, "ce_subject")).isEqualTo(scenario.caseId);
        assertThat(RecordedTopic.header(record, "ce_department")).isEqualTo(scenario.department);
        assertThat(RecordedTopic.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(RecordedTopic.header(record, "content-type")).isEqualTo("application/json");
        String data = RecordedTopic.value(record);
        assertThat(data).contains("\"ref\"").doesNotContain("local-4711").contains("byg-1");
    }

    @Test
    void relayLeavesNothingPendingOnceKafkaHasTheEvent() {
        TestEvents closed = event("case.closed", scenario.caseId, scenario.department);
        scenario.http.post("/api/v1/events", "application/cloudevents+json", closed.json());

        await().atMost(WAIT).untilAsserted(() -> assertThat(scenario.published.records(r -> scenario.caseId.equals(r.key()))).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> {
            Document stored = mongo.findOne(Query.query(Criteria.where("subject").is(scenario.caseId)), Document.class, "events");
            assertThat(stored).isNotNull();
            assertThat(stored).doesNotContainKeys("outbox", "outboxSeq");
        });
    }

    @Test
    void ingestsBinaryAndStructuredRecordsFromKafka() {
        try (var producer = producer()) {
            ProducerRecord<String, byte[]> binary = new ProducerRecord<>(Topics.INGEST_CONTACT, scenario.caseId, CONTACT.getBytes(StandardCharsets.UTF_8));
            Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test/kafka",
                    "ce_type", "dk.servicepuls.contact.recorded.v1", "ce_time", Instant.now().toString(), "ce_subject", scenario.caseId,
                    "ce_department", scenario.department, "content-type", "application/json")
                    .forEach((name, value) -> binary.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(binary);
            ProducerRecord<String, byte[]> structured = new ProducerRecord<>(Topics.INGEST_CONTACT, scenario.caseId,
                    event("contact.recorded", scenario.caseId, scenario.department).data(CONTACT).json().getBytes(StandardCharsets.UTF_8));
            structured.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(structured);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(scenario.http.get(timelinePath()).json().path("events")).hasSize(2));
    }

    @Test
    void rejectsBadKafkaRecordOnTheRejectedTopicWithReasons() {
        TestEvents bad = event("case.opened", scenario.caseId, scenario.department).without("department")
                .data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"citizen\",\"id\":\"0101901234\",\"name\":\"Jens Hansen\"}}");
        try (var rejections = new RecordedTopic(broker.getBrokersAsString(), Topics.INGEST_REJECTED); var producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_CONTACT, scenario.caseId, bad.json().getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record);

            await().atMost(WAIT).untilAsserted(() -> assertThat(rejections.records(r -> RecordedTopic.value(r).contains(bad.id()))).hasSize(1));
            String rejection = RecordedTopic.value(rejections.records(r -> RecordedTopic.value(r).contains(bad.id())).get(0));
            assertThat(rejection).contains("\"source\":\"/test/esdh\"", "\"type\":\"dk.servicepuls.case.opened.v1\"", "#/department")
                    .doesNotContain("0101901234", "Jens Hansen");
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(getClass().getResourceAsStream("/contracts/schemas/ingest.rejected.schema.json"))
                    .validate(rejection, InputFormat.JSON)).as("the record keeps to the contract's schema").isEmpty();
        }
    }

    @Test
    void timelineIsInTimeOrderWhateverTheArrivalOrder() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        scenario.http.post("/api/v1/events", "application/cloudevents+json", event("case.closed", scenario.caseId, scenario.department).time(now.plusSeconds(60)).json());
        scenario.http.post("/api/v1/events", "application/cloudevents+json", event("case.opened", scenario.caseId, scenario.department).time(now)
                .data("{\"caseType\":\"byggesag\",\"party\":{\"type\":\"citizen\"}}").json());

        JsonNode events = scenario.http.get(timelinePath()).json().get("events");
        assertThat(events.valueStream().map(e -> e.get("type").asString())).containsExactly("dk.servicepuls.case.opened.v1", "dk.servicepuls.case.closed.v1");
    }

    @Test
    void refusesACprNumberAsTheCaseIdButTakesCaseNumbersWithDigitGroups() {
        var cpr = scenario.http.post("/api/v1/events", "application/cloudevents+json", event("case.closed", "010190-1234", scenario.department).json());
        var caseNumber = scenario.http.post("/api/v1/events", "application/cloudevents+json",
                event("case.closed", "BS-2026-0042", scenario.department).json());

        assertThat(cpr.status()).isEqualTo(400);
        assertThat(cpr.json().get("errors").findValuesAsString("pointer")).containsExactly("#/subject");
        assertThat(cpr.body()).doesNotContain("010190-1234");
        assertThat(caseNumber.status()).isEqualTo(202);
    }

    @Test
    void unknownCaseIsANotFoundProblem() {
        var answer = scenario.http.get(timelinePath());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains(scenario.caseId);
    }

    @Test
    void timelineWithoutDepartmentIsABadRequestProblem(ServiceUnderTest service) {
        var manager = new HttpCalls(service.port(), (method, path) -> TestTokens.manager(scenario.department));

        var answer = manager.get("/api/v1/cases/" + scenario.caseId + "/timeline");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private String timelinePath() {
        return "/api/v1/cases/" + scenario.caseId + "/timeline?department=" + scenario.department;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", broker.getBrokersAsString()), new StringSerializer(),
                new ByteArraySerializer());
    }
}
