package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IngestClientsTests {

    @Test
    void aSenderThatIsNotBoundOrHasNoNameIsNotAdmitted() {
        IngestClients clients = clients(Map.of("esdh", new IngestProperties.Client(List.of("b"), List.of("/b"), 1000)));

        assertThat(clients.admit("someone-else", 1)).isEmpty();
        assertThat(clients.admit(null, 1)).isEmpty();
        assertThat(clients.admit("esdh", 1)).hasValueSatisfying(admission -> {
            assertThat(admission.admitted()).isTrue();
            assertThat(admission.rights().departments()).containsExactly("b");
        });
    }

    @Test
    void aSenderGetsItsRatePerSecondAndIsToldHowLongToWaitForMore() {
        IngestClients clients = clients(Map.of("esdh", new IngestProperties.Client(List.of("b"), List.of("/b"), 1000)));

        assertThat(clients.admit("esdh", 1000).orElseThrow().admitted()).isTrue();
        IngestClients.Admission over = clients.admit("esdh", 1001).orElseThrow();

        assertThat(over.admitted()).as("more than a second's allowance never fits").isFalse();
        assertThat(over.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(over.eventsPerSecond()).isEqualTo(1000);
    }

    @Test
    void aRateBelowTheBatchSizeIsRefusedAtStartBecauseAFullBatchWouldNeverFit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> clients(Map.of("slow", new IngestProperties.Client(List.of("b"), List.of("/b"), 10))))
                .withMessageContaining("servicepuls.ingest.clients.slow.events-per-second");
    }

    private static IngestClients clients(Map<String, IngestProperties.Client> clients) {
        return new IngestClients(new IngestProperties("ingest.contact", "contact.events", "events", Duration.ofSeconds(10), 1000,
                new IngestProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                new IngestProperties.Limits(8 * 1024 * 1024, 256 * 1024, 4000, 200, 8, 50, 20), clients, List.of("*")));
    }
}
