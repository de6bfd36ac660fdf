package dk.servicepuls.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.servicepuls.contracts.events.Channel;
import dk.servicepuls.contracts.events.DecisionMade;
import dk.servicepuls.contracts.events.TaskCompleted;
import org.junit.jupiter.api.Test;

class WireCodesTests {

    @Test
    void anEnumIsReadAsTheCodesItIsWrittenAsInEvents() {
        assertThat(WireCodes.of(Channel.WEB_FORM)).isEqualTo("web_form");
        assertThat(WireCodes.of(Channel.class)).hasSize(11).contains("digital_post", "social_media");
        assertThat(WireCodes.of(DecisionMade.Outcome.REJECTED, DecisionMade.Outcome.PARTIALLY_APPROVED))
                .containsExactlyInAnyOrder("rejected", "partially_approved");
        assertThat(WireCodes.of(TaskCompleted.Outcome.class)).containsExactlyInAnyOrder("reached_resolved",
                "reached_complaint_expected", "not_reached", "declined");
    }
}
