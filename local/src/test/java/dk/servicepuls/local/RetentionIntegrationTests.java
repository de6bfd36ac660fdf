package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dk.servicepuls.analytics.facts.CaseKeys;
import dk.servicepuls.platform.retention.Retention;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention per department and kind of data through every service: borgerservice keeps case data 12 months after
 * case.closed, every other department the default 60; contacts and feedback that name no case are kept the default
 * 24 months. The departments' own clocks are the events' times, so cases closed 13 and 11 months ago, one still
 * open, one of another department closed 13 months ago, and a contact note and a comment about no case from 25 and
 * from 23 months ago go through every service; one run of each service's retention job (the schedule itself is held
 * back, so that the run comes after the data) leaves no document of the first case and no text of the older note
 * and comment in any store, and everything else as it was.
 */
class RetentionIntegrationTests {

    private static final Map<String, String> SETTINGS = Map.of("servicepuls.retention.interval", "0s",
            "servicepuls.retention.cases.departments.borgerservice", "12m");
    private static final String EXPIRED = "RET-EXPIRED";
    private static final List<String> KEPT = List.of("RET-RECENT", "RET-OPEN", "RET-OTHER-DEPARTMENT");
    private static final String UNLINKED_TEXT = "Ingen sag, henvendelse for maaneder siden: ";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void keepBorgerserviceForTwelveMonths() {
        SETTINGS.forEach(System::setProperty);
    }

    @AfterEach
    void restoreTheDefaults() {
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void whatIsOlderThanItsDepartmentKeepsItsKindIsErasedFromEveryStore(@TempDir Path dataDir) throws Exception {
        LocalModeSettings settings = LocalModeSettings.from(LocalModeIntegrationTests.args(dataDir));
        try (LocalMode platform = new LocalMode(settings);
                MongoClient store = MongoClients.create("mongodb://localhost:" + settings.storePort())) {
            platform.start();
            Instant now = Instant.now();
            List<String> caseEvents = new ArrayList<>();
            List<String> feedback = new ArrayList<>();
            aCase(EXPIRED, "borgerservice", monthsAgo(now, 13), caseEvents, feedback);
            aCase("RET-RECENT", "borgerservice", monthsAgo(now, 11), caseEvents, feedback);
            aCase("RET-OPEN", "borgerservice", null, caseEvents, feedback);
            aCase("RET-OTHER-DEPARTMENT", "beskaeftigelse", monthsAgo(now, 13), caseEvents, feedback);
            for (int months : new int[] {25, 23}) {
                caseEvents.add(event(null, "borgerservice", monthsAgo(now, months), "dk.servicepuls.contact.recorded.v1",
                        "{\"contactId\":\"" + UUID.randomUUID() + "\",\"channel\":\"phone\",\"direction\":\"inbound\","
                                + "\"note\":\"" + UNLINKED_TEXT + months + "\"}"));
                feedback.add(event(null, "borgerservice", monthsAgo(now, months), "dk.servicepuls.feedback.submitted.v1",
                        "{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"csat\":4,\"comment\":\"" + UNLINKED_TEXT
                                + months + "\"}"));
            }
            String sender = DemoTokens.simulator(http, platform.url(LocalService.IDENTITY));
            assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.CONTACT), sender, caseEvents)).isEqualTo(202);
            assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.FEEDBACK), sender, feedback)).isEqualTo(202);

            // every service holds something of every case: the expired case's data is everywhere
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String database : List.of("contact", "feedback", "escalation", "analytics")) {
                    assertThat(StoreContents.documentsHolding(store, database, traces(EXPIRED, "borgerservice")))
                            .as("%s holds the expired case", database).isNotEmpty();
                }
                assertThat(StoreContents.documentsHolding(store, "analytics", traces("RET-OPEN", "borgerservice")))
                        .as("the last case's facts").hasSizeGreaterThanOrEqualTo(1);
            });
            // what follows a case's events (the notes' analyses, survey invitations after the closing) must be in
            // everywhere before the run: otherwise it would come after and start the case afresh
            String analytics = platform.url(LocalService.ANALYTICS);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                long invitations = StoreContents.documents(store, "feedback", "survey_invitations").size();
                // the four cases' notes, and the two notes and two comments about no case
                assertThat(StoreContents.documents(store, "feedback", "analyses")).hasSize(8);
                assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.feedback.analyzed.v1", null)).isEqualTo(8);
                assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.survey.invited.v1", null)).isEqualTo(invitations);
                List<Document> facts = StoreContents.documents(store, "escalation", "case_risk").stream()
                        .flatMap(risk -> risk.getList("facts", Document.class).stream()).toList();
                assertThat(facts.stream().filter(fact -> "ANALYSIS".equals(fact.getString("kind")))).hasSize(4);
                assertThat(facts.stream().filter(fact -> fact.getString("_id").startsWith("survey-invited-")))
                        .hasSize((int) invitations);
            });

            String expiredParty = partyOf(store, EXPIRED);
            String recentParty = partyOf(store, "RET-RECENT");
            long erased = 0;
            for (LocalService service : List.of(LocalService.CONTACT, LocalService.FEEDBACK, LocalService.ESCALATION,
                    LocalService.ANALYTICS)) {
                erased += platform.bean(service, Retention.class).run();
            }

            assertThat(erased).as("one case in each of the four services, a note in contact's, a comment in feedback's")
                    .isEqualTo(6);
            assertThat(StoreContents.documentsHolding(store, "", traces(EXPIRED, "borgerservice"))).isEmpty();
            // the expired case was its party's only one: nothing is kept of the party, its kept reference neither
            assertThat(StoreContents.documentsHolding(store, "", List.of(expiredParty))).isEmpty();
            assertThat(StoreContents.documentsHolding(store, "contact", List.of(recentParty))).isNotEmpty();
            assertThat(StoreContents.documentsHolding(store, "", List.of(UNLINKED_TEXT + 25))).isEmpty();
            assertThat(StoreContents.documentsHolding(store, "contact", List.of(UNLINKED_TEXT + 23))).hasSize(1);
            assertThat(StoreContents.documentsHolding(store, "feedback", List.of(UNLINKED_TEXT + 23))).hasSize(1);
            for (String kept : KEPT) {
                String department = kept.equals("RET-OTHER-DEPARTMENT") ? "beskaeftigelse" : "borgerservice";
                for (String database : List.of("contact", "feedback", "escalation", "analytics")) {
                    assertThat(StoreContents.documentsHolding(store, database, traces(kept, department))).as("%s in %s", kept, database)
                            .isNotEmpty();
                }
            }
            long again = 0;
            for (LocalService service : List.of(LocalService.CONTACT, LocalService.FEEDBACK, LocalService.ESCALATION,
                    LocalService.ANALYTICS)) {
                again += platform.bean(service, Retention.class).run();
            }
            assertThat(again).as("a second run finds nothing more").isZero();
        }
    }

    /** The party reference escalation-service's risk holds for the case. */
    private static String partyOf(MongoClient store, String caseId) {
        return StoreContents.documents(store, "escalation", "case_risk").stream()
                .filter(risk -> caseId.equals(risk.getString("caseId"))).findFirst().orElseThrow().getString("partyRef");
    }

    private static Instant monthsAgo(Instant now, int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    /** The case id and analytics' one-way key of it. */
    private static List<String> traces(String caseId, String department) {
        return List.of(caseId, CaseKeys.of(department, caseId));
    }

    private void aCase(String caseId, String department, Instant closedAt, List<String> caseEvents,
            List<String> feedback) {
        Instant opened = (closedAt == null ? Instant.now() : closedAt).minus(Duration.ofDays(30));
        caseEvents.add(event(caseId, department, opened, "dk.servicepuls.case.opened.v1",
                "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"id\":\"local-" + caseId + "\"}}"));
        caseEvents.add(event(caseId, department, opened.plus(Duration.ofDays(1)), "dk.servicepuls.contact.recorded.v1",
                "{\"contactId\":\"" + UUID.randomUUID() + "\",\"channel\":\"phone\",\"direction\":\"inbound\","
                        + "\"note\":\"Ringede om sin ansøgning\"}"));
        if (closedAt != null) {
            caseEvents.add(event(caseId, department, closedAt, "dk.servicepuls.case.closed.v1", "{}"));
        }
        feedback.add(event(caseId, department, opened.plus(Duration.ofDays(2)), "dk.servicepuls.complaint.filed.v1",
                "{\"complaintId\":\"" + UUID.randomUUID() + "\",\"kind\":\"service_complaint\"}"));
    }

    private static String event(String caseId, String department, Instant time, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kommune/esdh","type":"%s","time":"%s",%s
                 "department":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, time, caseId == null ? "" : "\"subject\":\"" + caseId + "\",",
                        department, data);
    }
}
