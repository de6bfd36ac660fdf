package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.Channel;
import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.DecisionMade;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.FeedbackAnalyzed;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.contracts.events.Language;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Contract events of one case as the risk model's facts, and the model's settings bound as Spring binds them. */
final class RiskFixtures {

    static final String DEPARTMENT = "borgerservice";
    static final String CASE_ID = "BS-2026-0042";
    static final Instant OPENED = Instant.parse("2026-11-02T09:00:00Z");

    private RiskFixtures() {
    }

    /** The defaults of the record, with {@code servicepuls.risk.}-relative overrides, e.g. {@code "levels.high", "80"}. */
    static RiskProperties properties(String... overrides) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put("servicepuls.risk." + overrides[i], overrides[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("servicepuls.risk", RiskProperties.class);
    }

    static CaseFacts facts(Fact... facts) {
        return new CaseFacts(Arrays.asList(facts));
    }

    static Fact fact(EventType type, Instant time, Record data) {
        return Fact.of(new CaseEvent("/test/esdh", UUID.randomUUID().toString(), type, time, DEPARTMENT, CASE_ID, data));
    }

    static Fact opened(Instant at, String caseworkerId, String team) {
        return fact(EventType.CASE_OPENED, at, new CaseOpened("boligstoette",
                new CaseOpened.Party(CaseOpened.Party.Type.CITIZEN, "ref-1", Language.DA), caseworkerId, team));
    }

    static Fact pending(DecisionPending.ExpectedOutcome expected) {
        return pending(expected, "sb-1042");
    }

    static Fact pending(DecisionPending.ExpectedOutcome expected, String caseworkerId) {
        return fact(EventType.DECISION_PENDING, OPENED.plusSeconds(3600),
                new DecisionPending(expected, Instant.parse("2026-12-04T12:00:00Z"), caseworkerId));
    }

    static Fact made() {
        return fact(EventType.DECISION_MADE, OPENED.plusSeconds(7200), new DecisionMade(DecisionMade.Outcome.REJECTED));
    }

    static Fact inboundContact(Instant at) {
        return contact(at, ContactRecorded.Direction.INBOUND, null, null, null);
    }

    static Fact contact(Instant at, ContactRecorded.Direction direction, Integer waitSeconds, Boolean resolved,
            String caseworkerId) {
        return fact(EventType.CONTACT_RECORDED, at, new ContactRecorded(UUID.randomUUID().toString(), Channel.PHONE,
                direction, waitSeconds, 120, resolved, "pas", "Ringede om Karen Jensen, 0101901234", caseworkerId));
    }

    static Fact feedback(Integer csat, Integer ces, Integer nps) {
        return fact(EventType.FEEDBACK_SUBMITTED, OPENED.plusSeconds(600), new FeedbackSubmitted(
                UUID.randomUUID().toString(), null, Channel.PHONE, csat, ces, nps, "Elendig, skriv til karen@example.dk",
                Language.DA));
    }

    static Fact analysis(FeedbackAnalyzed.Sentiment sentiment, boolean complaintIntent) {
        return fact(EventType.FEEDBACK_ANALYZED, OPENED.plusSeconds(700), new FeedbackAnalyzed(
                UUID.randomUUID().toString(), Language.DA, sentiment, -0.8, complaintIntent, List.of("klage_ord"),
                List.of("ventetid")));
    }

    static Fact complaint(ComplaintFiled.Kind kind) {
        return fact(EventType.COMPLAINT_FILED, OPENED.plusSeconds(800),
                new ComplaintFiled(UUID.randomUUID().toString(), kind, "Jeg klager, CPR 0101901234"));
    }

    static Fact transfer(String toTeam) {
        return fact(EventType.CASE_TRANSFERRED, OPENED.plusSeconds(900), new CaseTransferred(toTeam, null, "Forkert team"));
    }
}
