package dk.servicepuls.analytics.eventcounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dk.servicepuls.analytics.AnalyticsServiceApplication;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.RecordedTopic;
import dk.servicepuls.testing.RunningService;
import dk.servicepuls.testing.StoreThatGoesAway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The store goes away under a consuming service: the records that arrive meanwhile are no poison, so they are retried
 * with a growing pause instead of being parked on the dead-letter topic or committed as done, and they are counted
 * once the store is back.
 */
@EmbeddedKafka(partitions = 1)
class StoreAwayIntegrationTests {

    /** Longer than a poison record's three tries a second apart take to be parked. */
    private static final Duration AWAY = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void recordsThatArriveWhileTheStoreIsAwayAreNeitherParkedNorLostButCountedWhenItIsBack(EmbeddedKafkaBroker broker) {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        try (var store = new StoreThatGoesAway(directory.resolve("store.mv"));
                var deadLetters = new RecordedTopic(broker.getBrokersAsString(), Topics.deadLetter("analytics-service"));
                var records = new BinaryRecords(broker.getBrokersAsString(), "analytics-service");
                var service = RunningService.start(AnalyticsServiceApplication.class, store.uri("analytics"),
                        broker.getBrokersAsString())) {
            opened(records, department, "SAG-1");
            await().atMost(WAIT).until(() -> counted(service, department) == 1);

            store.goAway();
            opened(records, department, "SAG-2");
            await().during(AWAY).atMost(AWAY.plusSeconds(5)).until(() -> deadLetters.records().isEmpty());

            store.comeBack();
            await().atMost(WAIT).until(() -> counted(service, department) == 2);
            assertThat(deadLetters.records()).as("nothing parked").isEmpty();
        }
    }

    private static void opened(BinaryRecords records, String department, String caseId) {
        records.send(Topics.CONTACT_EVENTS, caseId,
                BinaryRecords.headers(UUID.randomUUID().toString(), EventType.CASE_OPENED.type(), caseId, department), "{}");
    }

    /** servicepuls_events_total of the department, as Prometheus would scrape it. */
    private static double counted(RunningService service, String department) {
        return service.http().get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("servicepuls_events_total{") && line.contains("department=\"" + department + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
