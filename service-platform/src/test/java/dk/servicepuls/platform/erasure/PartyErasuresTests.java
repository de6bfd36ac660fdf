package dk.servicepuls.platform.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.outbox.OutboxProperties;
import dk.servicepuls.platform.outbox.OutboxRelay;
import dk.servicepuls.testing.FreshStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

class PartyErasuresTests {

    @RegisterExtension
    final FreshStore store = new FreshStore("erasures");

    private final List<String> erasedByTheFeature = new ArrayList<>();

    private PartyErasures erasures() {
        OutboxRelay relay = new OutboxRelay(store.mongo(), null,
                new OutboxProperties(List.of(PartyErasures.COLLECTION), Duration.ofSeconds(1), Duration.ZERO, 100, 100),
                new SimpleMeterRegistry());
        PartyDataEraser feature = request -> {
            erasedByTheFeature.addAll(request.cases());
            return Map.of("things", (long) request.cases().size());
        };
        return new PartyErasures(store.mongo(), relay, List.of(feature), JsonMapper.builder().build(), "test-service",
                Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static CloudEvent event(String type, String caseId, String data) {
        CloudEventBuilder event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/kommune/esdh")).withType(type).withTime(OffsetDateTime.now())
                .withExtension(CloudEventAttributes.DEPARTMENT, "borgerservice")
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8));
        return (caseId == null ? event : event.withSubject(caseId)).build();
    }

    private static CloudEvent request(String... cases) {
        return event(EventType.PARTY_ERASURE_REQUESTED.type(), null, "{\"party\":{\"type\":\"citizen\",\"ref\":\"r1\"},"
                + "\"cases\":[\"" + String.join("\",\"", cases) + "\"]}");
    }

    private static CloudEvent contact(String caseId) {
        return event(EventType.CONTACT_RECORDED.type(), caseId, "{\"contactId\":\"c\",\"channel\":\"phone\",\"direction\":\"inbound\"}");
    }

    @Test
    void eventsOfAnErasedCaseThatComeAfterItsErasureAreNotTakenIn() {
        PartyErasures erasures = erasures();
        List<CloudEvent> handed = new ArrayList<>();
        CloudEvent before = contact("A-1");

        erasures.after(List.of(before, request("A-1")), handed::addAll);
        assertThat(handed).contains(before);
        assertThat(erasedByTheFeature).containsExactly("A-1");
        handed.clear();

        CloudEvent late = contact("A-1");
        CloudEvent other = contact("B-1");
        erasures.after(List.of(late, other), handed::addAll);

        assertThat(handed).containsExactly(other);
    }

    @Test
    void aRecordThatFailsIsNamedByItsPlaceInTheWholeBatchAndTheRequestsBeforeItAreCarriedOut() {
        PartyErasures erasures = erasures();
        erasures.after(List.of(request("A-1")), any -> { });
        erasedByTheFeature.clear();
        CloudEvent failing = contact("C-1");

        assertThatThrownBy(() -> erasures.after(List.of(contact("A-1"), request("B-1"), contact("A-1"), failing),
                batch -> {
                    throw new BatchListenerFailedException("broken", batch.indexOf(failing));
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(3));
        assertThat(erasedByTheFeature).containsExactly("B-1");
    }

    @Test
    void aRequestIsConfirmedOnceHoweverOftenItComes() {
        PartyErasures erasures = erasures();
        CloudEvent request = request("A-1");

        erasures.after(List.of(request), any -> { });
        erasures.after(List.of(request), any -> { });

        assertThat(erasures.carriedOut("/kommune/esdh", request.getId())).isTrue();
        assertThat(store.mongo().getCollection(PartyErasures.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(erasedByTheFeature).containsExactly("A-1", "A-1");
    }
}
