package dk.servicepuls.escalation.risk;

import static dk.servicepuls.escalation.risk.RiskFixtures.OPENED;
import static dk.servicepuls.escalation.risk.RiskFixtures.contact;
import static dk.servicepuls.escalation.risk.RiskFixtures.facts;
import static dk.servicepuls.escalation.risk.RiskFixtures.made;
import static dk.servicepuls.escalation.risk.RiskFixtures.opened;
import static dk.servicepuls.escalation.risk.RiskFixtures.pending;
import static dk.servicepuls.escalation.risk.RiskFixtures.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dk.servicepuls.contracts.events.ContactRecorded.Direction;
import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import org.junit.jupiter.api.Test;

class CaseFactsTests {

    @Test
    void caseworkerOfADecisionPendingWinsOverTheOneWhoTookAContact() {
        CaseFacts facts = facts(opened(OPENED, null, "ydelse-1"), contact(OPENED, Direction.INBOUND, null, null, "sb-7"),
                pending(ExpectedOutcome.REJECTED, "sb-1042"));

        assertThat(facts.caseworkerId()).isEqualTo("sb-1042");
        assertThat(facts.team()).isEqualTo("ydelse-1");
    }

    @Test
    void contactsHandlerStandsInWhileNoCaseworkerIsNamed() {
        assertThat(facts(opened(OPENED, null, null), contact(OPENED, Direction.INBOUND, null, null, "sb-7")).caseworkerId())
                .isEqualTo("sb-7");
        assertThat(facts(opened(OPENED, "sb-1", null), contact(OPENED, Direction.INBOUND, null, null, "sb-7")).caseworkerId())
                .isEqualTo("sb-1");
    }

    @Test
    void handOffMovesTheCaseToTheNewTeamWithoutItsCaseworker() {
        CaseFacts facts = facts(opened(OPENED, "sb-1", "ydelse-1"), transfer("ydelse-2"));

        assertThat(facts.team()).isEqualTo("ydelse-2");
        assertThat(facts.caseworkerId()).isNull();
    }

    @Test
    void pendingDecisionIsTheLatestUntilADecisionIsMade() {
        assertThat(facts(pending(ExpectedOutcome.REJECTED), pending(ExpectedOutcome.PARTIALLY_APPROVED)).pendingDecision()
                .expectedOutcome()).isEqualTo(ExpectedOutcome.PARTIALLY_APPROVED);
        assertThat(facts(pending(ExpectedOutcome.REJECTED), made()).pendingDecision()).isNull();
    }

    @Test
    void repeatedContactsAreCountedByEventTimeNotArrival() {
        CaseFacts facts = facts(contact(OPENED.plus(Duration.ofDays(20)), Direction.INBOUND, null, null, null),
                contact(OPENED, Direction.INBOUND, null, null, null),
                contact(OPENED.plus(Duration.ofDays(13)), Direction.INBOUND, null, null, null),
                contact(OPENED.plus(Duration.ofDays(1)), Direction.INBOUND, null, null, null));

        assertThat(facts.mostInboundContactsWithin(Duration.ofDays(14))).isEqualTo(3);
        assertThat(facts.latestTime()).isEqualTo(OPENED.plus(Duration.ofDays(20)));
    }
}
