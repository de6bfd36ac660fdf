package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class PublishRightsTests {

    private final PublishRights esdh = new PublishRights("esdh", Set.of("borgerservice"), List.of("/aarhus/borgerservice"));

    @Test
    void aSenderMayPublishForItsDepartmentFromASourceUnderItsPrefix() {
        assertThat(esdh.refusal(event("borgerservice", "/aarhus/borgerservice/esdh"))).isEmpty();
    }

    @Test
    void anotherDepartmentIsRefusedAtTheDepartmentAttribute() {
        assertThat(esdh.refusal(event("teknik", "/aarhus/borgerservice/esdh"))).hasValueSatisfying(violation -> {
            assertThat(violation.pointer()).isEqualTo("#/department");
            assertThat(violation.detail()).contains("esdh", "borgerservice", "servicepuls.ingest.clients.esdh.departments");
        });
    }

    @Test
    void aSourceOutsideItsPrefixesIsRefusedAtTheSourceAttribute() {
        assertThat(esdh.refusal(event("borgerservice", "/odense/borgerservice"))).hasValueSatisfying(violation ->
                assertThat(violation.pointer()).isEqualTo("#/source"));
    }

    @Test
    void aPrefixIsMatchedFromTheStartOnly() {
        assertThat(esdh.refusal(event("borgerservice", "/evil/aarhus/borgerservice"))).isPresent();
    }

    @Test
    void theWildcardAllowsEverythingAndTheKafkaRightsAreJustThat() {
        PublishRights any = new PublishRights("test", Set.of(PublishRights.ANY), List.of(PublishRights.ANY));

        assertThat(any.refusal(event("whatever", "urn:anything"))).isEmpty();
        assertThat(any.allowsEverything()).isTrue();
        assertThat(PublishRights.KAFKA.refusal(event("whatever", "urn:anything"))).isEmpty();
        assertThat(esdh.allowsEverything()).isFalse();
    }

    private static IngestedEvent event(String department, String source) {
        return new IngestedEvent(new IngestedEvent.Key(source, "id-1"), "dk.servicepuls.case.opened.v1", Instant.now(),
                "SAG-1", department, new Document(), Instant.now(), List.of());
    }
}
