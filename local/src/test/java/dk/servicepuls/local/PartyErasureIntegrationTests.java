package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dk.servicepuls.analytics.facts.CaseKeys;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.sealing.TextKeyRing;
import dk.servicepuls.testing.RecordedTopic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One party's erasure through the whole platform: two parties' cases go through every service (case events, contact
 * notes, a complaint, feedback with a comment, risk, tasks, surveys, analyses, KPI facts); an erasure request for
 * one of them is answered 202, every service confirms on privacy.erasures, and then no document in any store of any
 * service holds that party's reference, case ids, one-way case keys or texts, while the other party's are all there;
 * on the topics, which keep everything, the erased party's texts are sealed under keys nobody holds any more.
 */
class PartyErasureIntegrationTests {

    private static final String DEPARTMENT = "borgerservice";
    private static final List<String> ERASED_CASES = List.of("ERA-A-1", "ERA-A-2");
    private static final String KEPT_CASE = "ERA-B-1";
    private static final String ERASED_TEXT = "Quokkaquiz";
    private static final String KEPT_TEXT = "Narhvalnotat";
    private static final Set<String> SERVICES = Set.of("contact-service", "feedback-service", "escalation-service",
            "analytics-service");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anErasedPartyLeavesNothingInAnyStoreAndEveryServiceConfirmsIt(@TempDir Path dataDir) throws Exception {
        int kafkaPort = FreePorts.find();
        LocalModeSettings settings = LocalModeSettings.from(LocalModeIntegrationTests.args(dataDir, kafkaPort));
        try (LocalMode platform = new LocalMode(settings);
                MongoClient store = MongoClients.create("mongodb://localhost:" + settings.storePort())) {
            platform.start();
            String sender = DemoTokens.simulator(http, platform.url(LocalService.IDENTITY));
            List<String> caseEvents = new ArrayList<>();
            List<String> feedback = new ArrayList<>();
            ERASED_CASES.forEach(caseId -> aCase(caseId, "local-erase-me", ERASED_TEXT, caseEvents, feedback));
            aCase(KEPT_CASE, "local-keep-me", KEPT_TEXT, caseEvents, feedback);
            assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.CONTACT), sender, caseEvents)).isEqualTo(202);
            assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.FEEDBACK), sender, feedback)).isEqualTo(202);

            String analytics = platform.url(LocalService.ANALYTICS);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.task.created.v1", DEPARTMENT)).isGreaterThanOrEqualTo(3);
                // per case: its contact note, its complaint text and its comment
                assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.feedback.analyzed.v1", DEPARTMENT)).isEqualTo(9);
            });
            String erasedRef = partyRefOf(store, ERASED_CASES.get(0));
            String keptRef = partyRefOf(store, KEPT_CASE);
            assertThat(erasedRef).isNotEqualTo(keptRef);
            List<String> traces = new ArrayList<>(List.of(erasedRef, ERASED_TEXT));
            ERASED_CASES.forEach(caseId -> traces.addAll(List.of(caseId, CaseKeys.of(DEPARTMENT, caseId))));
            assertThat(StoreContents.documentsHolding(store, "", traces)).as("the party's data before the erasure").isNotEmpty();

            try (RecordedTopic confirmations = new RecordedTopic("localhost:" + kafkaPort, Topics.PRIVACY_ERASURES)) {
                assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.CONTACT), sender, List.of(event(null,
                        "dk.servicepuls.party.erasure-requested.v1",
                        "{\"party\":{\"type\":\"citizen\",\"id\":\"local-erase-me\"},\"reason\":\"GDPR art. 17\"}"))))
                        .isEqualTo(202);

                Map<String, JsonNode> byService = await().atMost(Duration.ofMinutes(1)).until(
                        () -> confirmations.records().stream().map(record -> json.readTree(RecordedTopic.value(record)))
                                .collect(Collectors.toMap(data -> data.get("service").asString(), data -> data,
                                        (first, again) -> first)),
                        confirmed -> confirmed.keySet().equals(SERVICES));
                assertThat(byService.get("contact-service").get("erased").get("events").asLong()).isEqualTo(2 * 4);
                assertThat(byService.get("feedback-service").get("erased").get("feedback").asLong()).isEqualTo(2 * 2);
                assertThat(byService.get("escalation-service").get("erased").get("tasks").asLong()).isGreaterThanOrEqualTo(2);
                assertThat(byService.get("escalation-service").get("erased").get("case_risk").asLong()).isEqualTo(2);
                assertThat(byService.get("analytics-service").get("erased").get("fact_pages").asLong()).isPositive();
            }

            // the relay takes the request's published form (with the reference and the cases) out of the outbox
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(StoreContents.documentsHolding(store, "", traces))
                    .as("documents that still hold something of the erased party").isEmpty());
            assertThat(StoreContents.documentsHolding(store, "", List.of(keptRef))).isNotEmpty();
            assertThat(StoreContents.documentsHolding(store, "", List.of(KEPT_TEXT))).isNotEmpty();
            assertThat(StoreContents.documentsHolding(store, "", List.of(CaseKeys.of(DEPARTMENT, KEPT_CASE)))).isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.case.opened.v1", DEPARTMENT)).isEqualTo(3));

            // the topics are the history and keep the erased reference; forgetting it in party_refs is what leaves it
            // naming nobody: the same person's next case gets a reference that has nothing to do with it
            try (RecordedTopic history = new RecordedTopic("localhost:" + kafkaPort, Topics.CONTACT_EVENTS)) {
                List<ConsumerRecord<String, byte[]>> records = history.recordsUntilNow(Duration.ofSeconds(30));
                assertThat(records).extracting(RecordedTopic::value)
                        .anySatisfy(value -> assertThat(value).contains(erasedRef));
                // the notes stay on the topic too, but sealed with their case's key, which the erasure destroyed
                assertThat(records).extracting(RecordedTopic::value)
                        .noneSatisfy(value -> assertThat(value).contains(ERASED_TEXT))
                        .noneSatisfy(value -> assertThat(value).contains(KEPT_TEXT));
                String erasedNote = textOf(records, ERASED_CASES.get(0), "dk.servicepuls.contact.recorded.v1", "note");
                String keptNote = textOf(records, KEPT_CASE, "dk.servicepuls.contact.recorded.v1", "note");
                List<String> erasedComments;
                List<String> keptComments;
                try (RecordedTopic feedbackHistory = new RecordedTopic("localhost:" + kafkaPort, Topics.FEEDBACK_EVENTS)) {
                    List<ConsumerRecord<String, byte[]>> feedbackRecords = feedbackHistory.recordsUntilNow(Duration.ofSeconds(30));
                    assertThat(feedbackRecords).extracting(RecordedTopic::value)
                            .noneSatisfy(value -> assertThat(value).contains(ERASED_TEXT));
                    erasedComments = List.of(
                            textOf(feedbackRecords, ERASED_CASES.get(0), "dk.servicepuls.feedback.submitted.v1", "comment"),
                            textOf(feedbackRecords, ERASED_CASES.get(0), "dk.servicepuls.complaint.filed.v1", "text"));
                    keptComments = List.of(
                            textOf(feedbackRecords, KEPT_CASE, "dk.servicepuls.feedback.submitted.v1", "comment"),
                            textOf(feedbackRecords, KEPT_CASE, "dk.servicepuls.complaint.filed.v1", "text"));
                }
                TextKeyRing ring = new TextKeyRing(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort),
                        Pseudonymiser.fromBase64Key(PseudonymKey.loadOrCreate(dataDir)), Duration.ofSeconds(30),
                        new SimpleMeterRegistry());
                ring.start();
                try {
                    List<String> all = new ArrayList<>(List.of(erasedNote, keptNote));
                    all.addAll(erasedComments);
                    all.addAll(keptComments);
                    ring.prepare(all);
                    assertThat(ring.open(keptNote)).hasValueSatisfying(note -> assertThat(note).startsWith(KEPT_TEXT));
                    assertThat(ring.open(erasedNote)).as("the erased case's note, with the deployment's secret").isEmpty();
                    // contact-service's key sealed the note, feedback-service's the comment and the complaint text
                    keptComments.forEach(text -> assertThat(ring.open(text))
                            .hasValueSatisfying(opened -> assertThat(opened).startsWith(KEPT_TEXT)));
                    erasedComments.forEach(text -> assertThat(ring.open(text)).as("the erased case's feedback").isEmpty());
                }
                finally {
                    ring.stop();
                }
            }
            assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.CONTACT), sender, List.of(event("ERA-A-3",
                    "dk.servicepuls.case.opened.v1", "{\"caseType\":\"boligstoette\",\"party\":"
                            + "{\"type\":\"citizen\",\"id\":\"local-erase-me\"}}")))).isEqualTo(202);
            String nextRef = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> partyRefOf(store, "ERA-A-3"), ref -> ref != null);
            assertThat(nextRef).isNotEqualTo(erasedRef).isNotEqualTo(keptRef);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(platform.url(LocalService.CONTACT)
                    + "/api/v1/events")).header("Content-Type", "application/cloudevents+json")
                    .header("Authorization", "Bearer " + sender).POST(HttpRequest.BodyPublishers.ofString(event(null,
                            "dk.servicepuls.party.erasure-requested.v1", "{\"party\":{\"type\":\"citizen\"}}")))
                    .build(), HttpResponse.BodyHandlers.ofString()).body())
                    .as("a request that names nobody").contains("#/data/party/id");
        }
    }

    private void aCase(String caseId, String party, String text, List<String> caseEvents, List<String> feedback) {
        caseEvents.add(event(caseId, "dk.servicepuls.case.opened.v1", "{\"caseType\":\"boligstoette\",\"party\":"
                + "{\"type\":\"citizen\",\"id\":\"" + party + "\"},\"team\":\"ydelse-1\"}"));
        caseEvents.add(event(caseId, "dk.servicepuls.contact.recorded.v1", "{\"contactId\":\"" + UUID.randomUUID()
                + "\",\"channel\":\"phone\",\"direction\":\"inbound\",\"waitSeconds\":900,\"note\":\"" + text
                + " ringede om sin sag\"}"));
        caseEvents.add(event(caseId, "dk.servicepuls.decision.pending.v1", "{\"expectedOutcome\":\"rejected\",\"dueAt\":\""
                + Instant.now().plus(Duration.ofDays(20)) + "\"}"));
        caseEvents.add(event(caseId, "dk.servicepuls.case.transferred.v1", "{\"toTeam\":\"ydelse-2\"}"));
        feedback.add(event(caseId, "dk.servicepuls.complaint.filed.v1", "{\"complaintId\":\"" + UUID.randomUUID()
                + "\",\"kind\":\"service_complaint\",\"text\":\"" + text + " er utilfreds med ventetiden\"}"));
        feedback.add(event(caseId, "dk.servicepuls.feedback.submitted.v1", "{\"feedbackId\":\"" + UUID.randomUUID()
                + "\",\"csat\":2,\"comment\":\"" + text + " ventede alt for længe\"}"));
    }

    private String textOf(List<ConsumerRecord<String, byte[]>> records, String caseId, String type, String field) {
        return records.stream().filter(record -> caseId.equals(record.key()))
                .filter(record -> type.equals(RecordedTopic.header(record, "ce_type")))
                .map(record -> json.readTree(RecordedTopic.value(record)).get(field).asString()).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " of " + caseId + " on the topic"));
    }

    private static String partyRefOf(MongoClient store, String caseId) {
        for (String database : store.listDatabaseNames()) {
            Document risk = store.getDatabase(database).getCollection("case_risk")
                    .find(new Document("_id", DEPARTMENT + ":" + caseId)).first();
            if (risk != null) {
                return risk.getString("partyRef");
            }
        }
        throw new AssertionError("No risk stored for " + caseId);
    }

    private static String event(String caseId, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kommune/esdh","type":"%s","time":"%s",%s
                 "department":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, Instant.now(), caseId == null ? "" : "\"subject\":\"" + caseId + "\",",
                        DEPARTMENT, data);
    }
}
