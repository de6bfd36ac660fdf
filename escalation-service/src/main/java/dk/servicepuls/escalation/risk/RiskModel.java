package dk.servicepuls.escalation.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import dk.servicepuls.contracts.events.RiskAssessed.Factor;
import dk.servicepuls.contracts.events.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * The rules that turn a case's facts into a score: each factor that applies adds its configured points, the score is
 * their sum capped at 100, and the level is the band the score falls in. Reasons say what happened in plain words and
 * numbers, never who or what was written: they are shown in the inbox and published.
 */
@Component
class RiskModel {

    static final String UNFAVOURABLE_DECISION_PENDING = "unfavourable_decision_pending";
    static final String NEGATIVE_FEEDBACK = "negative_feedback";
    static final String COMPLAINT_INTENT = "complaint_intent";
    static final String FORMAL_COMPLAINT = "formal_complaint";
    static final String REPEATED_CONTACTS = "repeated_contacts";
    static final String LONG_WAITS = "long_waits";
    static final String HIGH_EFFORT = "high_effort";
    static final String NOT_RESOLVED_FIRST_CONTACT = "not_resolved_first_contact";
    static final String HAND_OFFS = "hand_offs";
    static final String CASE_OLDER_THAN_TYPICAL = "case_older_than_typical";
    static final String EARLIER_COMPLAINTS_BY_PARTY = "earlier_complaints_by_party";

    private static final int MAX_SCORE = 100;

    private final RiskProperties properties;
    private final RiskProperties.Weights weights;
    private final RiskProperties.Thresholds thresholds;

    RiskModel(RiskProperties properties) {
        this.properties = properties;
        this.weights = properties.weights();
        this.thresholds = properties.thresholds();
    }

    /**
     * @param asOf            the moment the case's age is measured at: the time of the event that prompted the
     *                        assessment, so that replaying the topics gives the same scores
     * @param partyComplainedElsewhere whether the case's party has complaints on other cases of the department
     */
    Assessment assess(String department, CaseFacts facts, boolean partyComplainedElsewhere, Instant asOf,
            Instant assessedAt) {
        List<Factor> factors = new ArrayList<>();
        unfavourableDecisionPending(facts, factors);
        negativeFeedback(facts, factors);
        complaintIntent(facts, factors);
        formalComplaint(facts, factors);
        repeatedContacts(facts, factors);
        longWaits(facts, factors);
        highEffort(facts, factors);
        notResolvedFirstContact(facts, factors);
        handOffs(facts, factors);
        caseOlderThanTypical(department, facts, asOf, factors);
        if (partyComplainedElsewhere) {
            add(factors, EARLIER_COMPLAINTS_BY_PARTY, weights.earlierComplaintsByParty(),
                    "Parten har klaget i en anden sag.", "The party has complained on another case.");
        }
        factors.sort(Comparator.comparingDouble(Factor::contribution).reversed().thenComparing(Factor::code));
        double sum = factors.stream().mapToDouble(Factor::contribution).sum();
        int score = (int) Math.max(0, Math.min(MAX_SCORE, Math.round(sum)));
        return new Assessment(score, level(score), factors, properties.modelVersion(), assessedAt);
    }

    RiskLevel level(int score) {
        if (score >= properties.levels().high()) {
            return RiskLevel.HIGH;
        }
        return score >= properties.levels().medium() ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    private void unfavourableDecisionPending(CaseFacts facts, List<Factor> factors) {
        Fact pending = facts.pendingDecision();
        ExpectedOutcome expected = pending == null ? null : pending.expectedOutcome();
        if (expected == ExpectedOutcome.REJECTED) {
            add(factors, UNFAVOURABLE_DECISION_PENDING, weights.rejectionPending(),
                    "Den kommende afgørelse forventes at blive et afslag.",
                    "The coming decision is expected to be a rejection.");
        }
        else if (expected == ExpectedOutcome.PARTIALLY_APPROVED) {
            add(factors, UNFAVOURABLE_DECISION_PENDING, weights.partialApprovalPending(),
                    "Den kommende afgørelse forventes kun at give delvist medhold.",
                    "The coming decision is expected to grant the request only in part.");
        }
    }

    private void negativeFeedback(CaseFacts facts, List<Factor> factors) {
        boolean analysedNegative = facts.any(fact -> fact.kind() == Fact.Kind.ANALYSIS
                && Boolean.TRUE.equals(fact.negativeSentiment()));
        boolean scoredLow = thresholds.negativeFeedbackFromScores() && facts.any(fact -> fact.kind() == Fact.Kind.FEEDBACK
                && (atMost(fact.csat(), thresholds.lowCsat()) || atMost(fact.nps(), thresholds.lowNps())));
        if (analysedNegative || scoredLow) {
            add(factors, NEGATIVE_FEEDBACK, weights.negativeFeedback(), "Der er givet negativ feedback i sagen.",
                    "Negative feedback was given on the case.");
        }
    }

    private void complaintIntent(CaseFacts facts, List<Factor> factors) {
        if (facts.complaintIntent()) {
            String words = facts.intentWords();
            add(factors, COMPLAINT_INTENT, weights.complaintIntent(),
                    words == null ? "En kommentar tyder på, at en klage er på vej."
                            : "En kommentar tyder på, at en klage er på vej: »" + words + "«.",
                    words == null ? "A comment suggests that a complaint is coming."
                            : "A comment suggests that a complaint is coming: “" + words + "”.");
        }
    }

    private void formalComplaint(CaseFacts facts, List<Factor> factors) {
        // one factor, at the weight of the heavier kind: a complaint about the service says more than an appeal
        if (facts.hasComplaint(ComplaintFiled.Kind.SERVICE_COMPLAINT)) {
            add(factors, FORMAL_COMPLAINT, weights.serviceComplaint(), "Der er klaget over sagsbehandlingen.",
                    "A complaint about the service has been filed.");
        }
        else if (facts.hasComplaint(ComplaintFiled.Kind.DECISION_APPEAL)) {
            add(factors, FORMAL_COMPLAINT, weights.decisionAppeal(), "En afgørelse i sagen er påklaget.",
                    "A decision on the case has been appealed.");
        }
    }

    private void repeatedContacts(CaseFacts facts, List<Factor> factors) {
        Duration window = thresholds.repeatedContactsWindow();
        int most = facts.mostInboundContactsWithin(window);
        if (most >= thresholds.repeatedContacts()) {
            add(factors, REPEATED_CONTACTS, weights.repeatedContacts(),
                    "Parten har henvendt sig " + Durations.times(most, "gang", "gange") + " inden for "
                            + Durations.da(window) + ".",
                    "The party got in touch " + Durations.times(most, "time", "times") + " within " + Durations.en(window)
                            + ".");
        }
    }

    private void longWaits(CaseFacts facts, List<Factor> factors) {
        long longest = thresholds.longWait().toSeconds();
        if (facts.any(fact -> fact.kind() == Fact.Kind.CONTACT && fact.waitSeconds() != null
                && fact.waitSeconds() > longest)) {
            add(factors, LONG_WAITS, weights.longWaits(),
                    "Parten har ventet mere end " + Durations.da(thresholds.longWait()) + " på svar.",
                    "The party waited more than " + Durations.en(thresholds.longWait()) + " to be answered.");
        }
    }

    private void highEffort(CaseFacts facts, List<Factor> factors) {
        if (facts.any(fact -> fact.kind() == Fact.Kind.FEEDBACK && fact.ces() != null
                && fact.ces() >= thresholds.highEffortCes())) {
            add(factors, HIGH_EFFORT, weights.highEffort(),
                    "Parten har oplevet sagen som besværlig (CES " + thresholds.highEffortCes() + " eller mere).",
                    "The party found the case hard going (CES " + thresholds.highEffortCes() + " or more).");
        }
    }

    private void notResolvedFirstContact(CaseFacts facts, List<Factor> factors) {
        if (facts.any(fact -> fact.kind() == Fact.Kind.CONTACT && Boolean.FALSE.equals(fact.resolvedOnFirstContact()))) {
            add(factors, NOT_RESOLVED_FIRST_CONTACT, weights.notResolvedFirstContact(),
                    "En henvendelse blev ikke løst ved første kontakt.", "A contact was not resolved on first contact.");
        }
    }

    private void handOffs(CaseFacts facts, List<Factor> factors) {
        long handOffs = facts.count(fact -> fact.kind() == Fact.Kind.TRANSFER);
        if (handOffs > 0) {
            add(factors, HAND_OFFS, (int) Math.min(weights.handOffsCap(), handOffs * weights.handOff()),
                    "Sagen er overdraget " + Durations.times(handOffs, "gang", "gange")
                            + " mellem teams eller forvaltninger.",
                    "The case has been handed off " + Durations.times(handOffs, "time", "times")
                            + " between teams or departments.");
        }
    }

    private void caseOlderThanTypical(String department, CaseFacts facts, Instant asOf, List<Factor> factors) {
        Instant openedAt = facts.openedAt();
        if (openedAt == null || asOf == null) {
            return;
        }
        Duration age = Duration.between(openedAt, asOf);
        Duration typical = thresholds.typicalCaseAge(department);
        if (age.compareTo(typical) > 0) {
            add(factors, CASE_OLDER_THAN_TYPICAL, weights.caseOlderThanTypical(),
                    "Sagen er " + Durations.times(age.toDays(), "dag", "dage") + " gammel, mere end de typiske "
                            + Durations.da(typical) + ".",
                    "The case is " + Durations.times(age.toDays(), "day", "days") + " old, more than the typical "
                            + Durations.en(typical) + ".");
        }
    }

    private static boolean atMost(Integer value, int limit) {
        return value != null && value <= limit;
    }

    private static void add(List<Factor> factors, String code, int points, String reasonDa, String reasonEn) {
        // a weight configured to 0 switches the factor off rather than listing it with no effect
        if (points > 0) {
            factors.add(new Factor(code, points, reasonDa, reasonEn));
        }
    }
}
