package dk.servicepuls.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.testing.BinaryRecords;
import dk.servicepuls.testing.HttpCalls;
import dk.servicepuls.testing.RealInfrastructureInitializer;
import dk.servicepuls.testing.RealInfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** analytics-service against the real Kafka and MongoDB images; skipped where no Docker engine runs. */
@RealInfrastructureTest
class AnalyticsOnRealInfrastructureIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void countsEachEventOnceOnRealMongoAndKafka() {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String opened = EventType.CASE_OPENED.type();
        String broker = RealInfrastructureInitializer.kafkaBootstrapServers();
        try (BinaryRecords records = new BinaryRecords(broker, "analytics-service")) {
            var headers = BinaryRecords.headers(UUID.randomUUID().toString(), opened, "SAG-real", department);
            records.send(Topics.CONTACT_EVENTS, "SAG-real", headers, "{\"caseType\":\"byggesag\"}");
            records.send(Topics.CONTACT_EVENTS, "SAG-real", headers, "{\"caseType\":\"byggesag\"}");
            records.send(Topics.CONTACT_EVENTS, "SAG-real-2", BinaryRecords.headers(UUID.randomUUID().toString(),
                    opened, "SAG-real-2", department), "{\"caseType\":\"byggesag\"}");

            HttpCalls http = new HttpCalls(port);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.get("/actuator/prometheus").body()
                    .lines().filter(line -> line.startsWith("servicepuls_events_total{")
                            && line.contains("department=\"" + department + "\"") && line.contains("type=\"" + opened + "\"")))
                    .singleElement().satisfies(line -> assertThat(line).endsWith(" 2.0")));
        }
    }
}
