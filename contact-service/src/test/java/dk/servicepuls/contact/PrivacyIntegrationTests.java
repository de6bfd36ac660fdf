package dk.servicepuls.contact;

import static dk.servicepuls.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.ServiceIntegrationTest;
import dk.servicepuls.testing.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * Feeds events full of CPR numbers, names, phone numbers and e-mail addresses through every door, then searches
 * everything the service keeps or says for them: the store, the published records, the rejections and the log.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIntegrationTests {

    private static final List<String> PERSONAL_DATA = List.of("0101901234", "010190-1234", "1212121212",
            "Karen Margrethe Jensen", "Jens Ole Hansen", "22 33 44 55", "22334455", "+45 40 50 60 70", "karen@example.dk",
            "jens.hansen@mail.dk",
            // the forms the first masker let through, and what fields outside the contract carried
            "0101 90 1234", "010190 - 1234", "010190.1234", "010190/1234", "010190\u20131234", "010190\u00A01234",
            "2987-1634", "2987 16 34", "jens @ example.dk", "Jens Hansen", "29871634", "2101901234",
            // identifiers refused for what they hold
            "sagsbehandler@kommune.dk", "0303031234");

    // the note as the issue reported it, every form of it kept in the clear by the first masker
    private static final String NOTE_IN_EVERY_FORM = "CPR 0101 90 1234, 010190 - 1234, 010190.1234, 010190/1234, "
            + "010190\u20131234 og 010190\u00A01234; ring 2987-1634 eller 2987 16 34; skriv til jens @ example.dk";

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Test
    void personalDataNeverReachesTheStoreTheTopicsOrTheLog(CapturedOutput log) {
        String department = "privacy-" + UUID.randomUUID().toString().substring(0, 6);
        String caseId = "SAG-" + UUID.randomUUID().toString().substring(0, 8);
        HttpCalls http = new HttpCalls(port);
        List<TestEvents> accepted = List.of(
                event("case.opened", caseId, department).data("""
                        {"caseType":"boligstoette","party":{"type":"citizen","id":"010190-1234","name":"Karen Margrethe Jensen",
                         "phone":"+45 40 50 60 70","email":"karen@example.dk"},"team":"ydelse-1"}"""),
                event("contact.recorded", caseId, department).data("""
                        {"contactId":"k-1","channel":"phone","direction":"inbound",
                         "note":"Borger 0101901234 ringede fra 22 33 44 55 og bad om svar på karen@example.dk",
                         "callbackHint":"ring 22334455 eller jens.hansen@mail.dk"}"""),
                event("case.transferred", caseId, department).data("""
                        {"toTeam":"ydelse-2","reason":"Partsrepræsentant med CPR 1212121212 overtager"}"""),
                event("contact.recorded", caseId, department).data("""
                        {"contactId":"k-2","channel":"phone","direction":"inbound","note":"%s",
                         "citizenName":"Jens Hansen","tlf":29871634,"visits":{"2101901234":{"count":2}},"extra":29871634}"""
                        .formatted(NOTE_IN_EVERY_FORM)));
        List<TestEvents> identifiersRefused = List.of(
                event("contact.recorded", caseId, department).data("""
                        {"contactId":"k-3","channel":"phone","direction":"inbound","caseworkerId":"sagsbehandler@kommune.dk"}"""),
                event("case.closed", caseId, department).id("luk-0303031234"));
        TestEvents rejected = event("case.opened", caseId, department).data("""
                {"caseType":"boligstoette","party":{"type":"0101901234","id":"0101901234","name":"Jens Ole Hansen"}}""");

        try (var published = new RecordedTopic(broker.getBrokersAsString(), Topics.CONTACT_EVENTS);
                var rejections = new RecordedTopic(broker.getBrokersAsString(), Topics.INGEST_REJECTED);
                var deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter("contact-service"))) {
            List<String> answers = new ArrayList<>();
            for (TestEvents event : accepted) {
                var answer = http.post("/api/v1/events", "application/cloudevents+json", event.json());
                assertThat(answer.status()).isEqualTo(202);
                answers.add(answer.body());
            }
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", accepted.get(3).json()).json().get("dropped")
                    .valueStream().map(JsonNode::asString)).as("the answer names what was not kept")
                    .containsExactly("#/data/citizenName", "#/data/tlf");
            var refusal = http.post("/api/v1/events", "application/cloudevents+json", rejected.json());
            assertThat(refusal.status()).isEqualTo(400);
            for (TestEvents event : identifiersRefused) {
                var answer = http.post("/api/v1/events", "application/cloudevents+json", event.json());
                assertThat(answer.status()).isEqualTo(400);
                answers.add(answer.body());
                send(event.id(event.id() + "-k"));
            }
            TestEvents viaKafka = event("case.opened", caseId + "-k", department).data("""
                    {"caseType":"boligstoette","party":{"type":"citizen","id":"0101901234","name":"Jens Ole Hansen","phone":"22334455"}}""");
            // a record that is no CloudEvent at all, full of personal data, then a valid one on its partition (same
            // key): once the valid one is out, the poison one was dealt with, and must be on no dead-letter topic
            String poisonKey = "poison-" + caseId;
            send(poisonKey, "Jens Ole Hansen, cpr 0101901234, tlf 22334455".getBytes(StandardCharsets.UTF_8), "text/plain");
            TestEvents afterPoison = event("case.closed", caseId + "-p", department);
            send(poisonKey, afterPoison.json().getBytes(StandardCharsets.UTF_8), "application/cloudevents+json");
            send(viaKafka);
            send(rejected.id(UUID.randomUUID().toString()));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(published.records(r -> r.key().startsWith(caseId))).hasSize(6);
                assertThat(rejections.records(r -> RecordedTopic.value(r).contains(rejected.id()))).hasSize(1);
                assertThat(rejections.records(r -> RecordedTopic.value(r).contains("luk-[CPR]-k"))).hasSize(1);
                assertThat(rejections.records(r -> RecordedTopic.value(r).contains(identifiersRefused.get(0).id())
                        && RecordedTopic.value(r).contains("#/data/caseworkerId"))).hasSize(1);
            });

            List<String> everything = new ArrayList<>();
            everything.add(refusal.body());
            everything.addAll(answers);
            published.records().forEach(record -> everything.add(describe(record)));
            rejections.records().forEach(record -> everything.add(describe(record)));
            deadLetters.records().forEach(record -> everything.add(describe(record)));
            for (String collection : mongo.getCollectionNames()) {
                mongo.findAll(Document.class, collection).forEach(document -> everything.add(document.toJson()));
            }
            everything.add(log.getAll());

            String haystack = String.join("\n", everything);
            assertThat(haystack).contains("\"ref\"", "[CPR]", "[PHONE]", "[EMAIL]");
            for (String personal : PERSONAL_DATA) {
                assertThat(haystack).as("must not contain %s", personal).doesNotContain(personal);
            }
        }
    }

    /** Found on the first local mode: one CPR number gave the same reference in every department. */
    @Test
    void theSameCprNumberHasUnrelatedReferencesInTwoDepartments() {
        HttpCalls http = new HttpCalls(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String caseId = "SAG-" + suffix;
        List<String> refs = new ArrayList<>();
        for (String department : List.of("borgerservice-" + suffix, "teknik-" + suffix)) {
            TestEvents opened = event("case.opened", caseId, department).data("""
                    {"caseType":"byggesag","party":{"type":"citizen","id":"010190-1234"}}""");
            assertThat(http.post("/api/v1/events", "application/cloudevents+json", opened.json()).status()).isEqualTo(202);
            JsonNode timeline = http.get("/api/v1/cases/" + caseId + "/timeline?department=" + department).json();
            refs.add(timeline.get("events").get(0).get("data").get("party").get("ref").asString());
        }
        assertThat(refs.get(0)).hasSize(64).isNotEqualTo(refs.get(1));
    }

    private void send(TestEvents event) {
        send("k-" + Instant.now().toEpochMilli(), event.json().getBytes(StandardCharsets.UTF_8), "application/cloudevents+json");
    }

    private void send(String key, byte[] value, String contentType) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGEST_CONTACT, key, value);
            record.headers().add("content-type", contentType.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.key())).append(' ');
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append(' ');
        }
        return text.append(RecordedTopic.value(record)).toString();
    }
}
