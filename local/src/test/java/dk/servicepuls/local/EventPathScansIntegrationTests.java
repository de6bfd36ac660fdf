package dk.servicepuls.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No per-event path scans a collection: a stream of case events goes through ingest, the relay, escalation's risk and
 * tasks and analytics' counts on the local mode's embedded store, and its scan guard finds no full scan of any
 * collection larger than one batch. The scheduled jobs (gauges, SLA ladder) are pushed out of the way: they are not
 * per event, and on MongoDB their indexes serve them.
 */
class EventPathScansIntegrationTests {

    private static final int CASES = 120;
    private static final int BATCH = 100;
    private static final List<String> SCHEDULES = List.of("servicepuls.tasks.metrics-refresh",
            "servicepuls.tasks.escalation.interval");

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void holdTheSchedulesBack() {
        SCHEDULES.forEach(name -> System.setProperty(name, "1h"));
    }

    @AfterEach
    void restoreTheSchedules() {
        SCHEDULES.forEach(System::clearProperty);
    }

    @Test
    void aStreamThroughEveryServiceScansNoCollectionLargerThanABatch(@TempDir Path dataDir) throws Exception {
        try (LocalMode platform = new LocalMode(LocalModeSettings.from(LocalModeIntegrationTests.args(dataDir)))) {
            platform.start();
            List<String> events = new ArrayList<>();
            for (int c = 0; c < CASES; c++) {
                String caseId = "SCAN-" + c;
                events.add(event(caseId, "o", "dk.servicepuls.case.opened.v1",
                        "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"id\":\"01019012" + (10 + c % 90) + "\"},\"team\":\"ydelse-1\"}"));
                events.add(event(caseId, "c", "dk.servicepuls.contact.recorded.v1",
                        "{\"contactId\":\"k-" + c + "\",\"channel\":\"phone\",\"direction\":\"inbound\",\"waitSeconds\":900}"));
                events.add(event(caseId, "p", "dk.servicepuls.decision.pending.v1", "{\"expectedOutcome\":\"rejected\",\"dueAt\":\""
                        + Instant.now().plus(Duration.ofDays(20)) + "\"}"));
                events.add(event(caseId, "m", "dk.servicepuls.decision.made.v1", "{\"outcome\":\"rejected\"}"));
            }
            String sender = DemoTokens.simulator(http, platform.url(LocalService.IDENTITY));
            for (int from = 0; from < events.size(); from += BATCH) {
                assertThat(PlatformCalls.postBatch(http, platform.url(LocalService.CONTACT), sender, events.subList(from, Math.min(events.size(), from + BATCH))))
                        .isEqualTo(202);
            }

            String analytics = platform.url(LocalService.ANALYTICS);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.decision.made.v1", "borgerservice")).isEqualTo(CASES);
                // every case had a task for its pending rejection, and the decision expired it
                assertThat(PlatformCalls.counted(http, analytics, "dk.servicepuls.task.expired.v1", "borgerservice")).isEqualTo(CASES);
            });

            assertThat(platform.scanGuard().scansOfMoreThan(BATCH)).as("full scans of collections over %d documents", BATCH)
                    .isEmpty();
        }
    }

    private static String event(String caseId, String suffix, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s-%s","source":"/kommune/esdh","type":"%s","time":"%s","subject":"%s",
                 "department":"borgerservice","datacontenttype":"application/json","data":%s}"""
                .formatted(caseId, suffix, type, Instant.now(), caseId, data);
    }
}
