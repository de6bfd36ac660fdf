package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.platform.cloudevents.Violation;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class KnownDepartmentsTests {

    @Test
    void onlyTheListedDepartmentsAreKnownAndTheRefusalNamesThemButNotWhatWasSent() {
        KnownDepartments known = new KnownDepartments(List.of("borgerservice", "teknik-miljoe"));

        assertThat(known.knows("borgerservice")).isTrue();
        assertThat(known.knows("borgerservice2")).isFalse();
        assertThat(known.unknown("department")).contains("borgerservice, teknik-miljoe").doesNotContain("borgerservice2");
    }

    @Test
    void aTransferToADepartmentTheDeploymentDoesNotKnowIsRefusedAtToDepartment() {
        EnvelopeRules rules = new EnvelopeRules(IngestService.acceptedOn(Topics.INGEST_CONTACT), new FreeTextMasker(),
                new KnownDepartments(List.of("borgerservice", "teknik-miljoe")));
        ObjectNode known = JsonMapper.shared().createObjectNode().put("toDepartment", "teknik-miljoe");
        ObjectNode unknown = JsonMapper.shared().createObjectNode().put("toDepartment", "teknik-og-miljoe");

        assertThat(rules.checkDepartments(EventType.CASE_TRANSFERRED, known)).isEmpty();
        assertThat(rules.checkDepartments(EventType.CASE_TRANSFERRED, unknown)).extracting(Violation::pointer)
                .containsExactly("#/data/toDepartment");
    }

    @Test
    void theWildcardKnowsEveryCode() {
        assertThat(new KnownDepartments(List.of("*")).knows("anything")).isTrue();
    }

    @Test
    void anUnsetPlaceholderStopsTheStartInsteadOfRefusingEveryEvent() {
        assertThatIllegalStateException().isThrownBy(() -> new KnownDepartments(List.of("${SERVICEPULS_DEPARTMENTS}")))
                .withMessageContaining("SERVICEPULS_DEPARTMENTS");
    }
}
