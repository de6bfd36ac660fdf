package dk.servicepuls.escalation.risk;

import static dk.servicepuls.escalation.risk.RiskFixtures.DEPARTMENT;
import static dk.servicepuls.escalation.risk.RiskFixtures.OPENED;
import static dk.servicepuls.escalation.risk.RiskFixtures.analysis;
import static dk.servicepuls.escalation.risk.RiskFixtures.complaint;
import static dk.servicepuls.escalation.risk.RiskFixtures.contact;
import static dk.servicepuls.escalation.risk.RiskFixtures.facts;
import static dk.servicepuls.escalation.risk.RiskFixtures.feedback;
import static dk.servicepuls.escalation.risk.RiskFixtures.inboundContact;
import static dk.servicepuls.escalation.risk.RiskFixtures.made;
import static dk.servicepuls.escalation.risk.RiskFixtures.opened;
import static dk.servicepuls.escalation.risk.RiskFixtures.pending;
import static dk.servicepuls.escalation.risk.RiskFixtures.properties;
import static dk.servicepuls.escalation.risk.RiskFixtures.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded.Direction;
import dk.servicepuls.contracts.events.DecisionPending.ExpectedOutcome;
import dk.servicepuls.contracts.events.FeedbackAnalyzed.Sentiment;
import dk.servicepuls.contracts.events.RiskAssessed.Factor;
import dk.servicepuls.contracts.events.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class RiskModelTests {

    private static final Instant NOW = OPENED.plus(Duration.ofDays(1));

    private final RiskModel model = new RiskModel(properties());

    @Test
    void caseWithoutSignsOfTroubleScoresZeroAndLow() {
        Assessment assessment = assess(facts(opened(OPENED, "sb-1", "team-1")));

        assertThat(assessment.score()).isZero();
        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.factors()).isEmpty();
        assertThat(assessment.modelVersion()).isEqualTo("2026.11-1");
        assertThat(assessment.assessedAt()).isEqualTo(NOW);
    }

    @Test
    void expectedRejectionIsAnUnfavourableDecisionPending() {
        Assessment assessment = assess(facts(pending(ExpectedOutcome.REJECTED)));

        assertThat(assessment.factors()).extracting(Factor::code, Factor::contribution)
                .containsExactly(tuple("unfavourable_decision_pending", 40.0));
        assertThat(assessment.score()).isEqualTo(40);
        assertThat(assessment.factors().get(0).reasonDa()).isEqualTo("Den kommende afgørelse forventes at blive et afslag.");
        assertThat(assessment.factors().get(0).reasonEn()).isEqualTo("The coming decision is expected to be a rejection.");
    }

    @Test
    void expectedPartialApprovalWeighsLessThanARejection() {
        assertThat(contribution(facts(pending(ExpectedOutcome.PARTIALLY_APPROVED)), "unfavourable_decision_pending"))
                .isEqualTo(25.0);
    }

    @Test
    void expectedApprovalOrUnknownOutcomeIsNoUnfavourableDecision() {
        assertThat(assess(facts(pending(ExpectedOutcome.APPROVED))).factors()).isEmpty();
        assertThat(assess(facts(pending(ExpectedOutcome.UNKNOWN))).factors()).isEmpty();
    }

    @Test
    void laterPendingDecisionReplacesTheEarlierOne() {
        assertThat(assess(facts(pending(ExpectedOutcome.REJECTED), pending(ExpectedOutcome.APPROVED))).factors()).isEmpty();
    }

    @Test
    void decisionMadeEndsThePendingDecision() {
        assertThat(assess(facts(pending(ExpectedOutcome.REJECTED), made())).factors()).isEmpty();
    }

    @Test
    void negativeSentimentInAnAnalysisIsNegativeFeedback() {
        assertThat(contribution(facts(analysis(Sentiment.NEGATIVE, false)), "negative_feedback")).isEqualTo(15.0);
        assertThat(assess(facts(analysis(Sentiment.NEUTRAL, false))).factors()).isEmpty();
    }

    @Test
    void lowCsatOrDetractorNpsIsNegativeFeedback() {
        assertThat(contribution(facts(feedback(2, null, null)), "negative_feedback")).isEqualTo(15.0);
        assertThat(contribution(facts(feedback(null, null, 6)), "negative_feedback")).isEqualTo(15.0);
        assertThat(assess(facts(feedback(3, null, 7))).factors()).isEmpty();
    }

    @Test
    void surveyScoresStopCountingAsNegativeFeedbackWhenSwitchedOff() {
        RiskModel analysesOnly = new RiskModel(properties("thresholds.negative-feedback-from-scores", "false"));

        assertThat(analysesOnly.assess(DEPARTMENT, facts(feedback(1, null, 0)), false, NOW, NOW).factors()).isEmpty();
    }

    @Test
    void complaintIntentInAnAnalysedCommentCounts() {
        assertThat(contribution(facts(analysis(Sentiment.NEUTRAL, true)), "complaint_intent")).isEqualTo(25.0);
    }

    @Test
    void serviceComplaintWeighsMoreThanADecisionAppeal() {
        assertThat(contribution(facts(complaint(ComplaintFiled.Kind.SERVICE_COMPLAINT)), "formal_complaint")).isEqualTo(30.0);
        assertThat(contribution(facts(complaint(ComplaintFiled.Kind.DECISION_APPEAL)), "formal_complaint")).isEqualTo(20.0);
        assertThat(assess(facts(complaint(ComplaintFiled.Kind.DECISION_APPEAL),
                complaint(ComplaintFiled.Kind.SERVICE_COMPLAINT))).factors())
                .as("one factor, at the heavier weight").extracting(Factor::contribution).containsExactly(30.0);
    }

    @Test
    void threeInboundContactsWithinFourteenDaysAreRepeatedContacts() {
        Assessment assessment = assess(facts(inboundContact(OPENED), inboundContact(OPENED.plus(Duration.ofDays(7))),
                inboundContact(OPENED.plus(Duration.ofDays(14)))));

        assertThat(assessment.factors()).extracting(Factor::code, Factor::contribution)
                .containsExactly(tuple("repeated_contacts", 15.0));
        assertThat(assessment.factors().get(0).reasonDa()).isEqualTo("Parten har henvendt sig 3 gange inden for 14 dage.");
        assertThat(assessment.factors().get(0).reasonEn()).isEqualTo("The party got in touch 3 times within 14 days.");
    }

    @Test
    void contactsSpreadWiderThanTheWindowOrOutboundAreNotRepeatedContacts() {
        assertThat(assess(facts(inboundContact(OPENED), inboundContact(OPENED.plus(Duration.ofDays(10))),
                inboundContact(OPENED.plus(Duration.ofDays(20))))).factors()).isEmpty();
        assertThat(assess(facts(inboundContact(OPENED), inboundContact(OPENED),
                contact(OPENED, Direction.OUTBOUND, null, null, null))).factors()).isEmpty();
    }

    @Test
    void repeatedContactsCountAndWindowComeFromConfiguration() {
        RiskModel strict = new RiskModel(properties("thresholds.repeated-contacts", "2",
                "thresholds.repeated-contacts-window", "1d"));

        assertThat(strict.assess(DEPARTMENT, facts(inboundContact(OPENED), inboundContact(OPENED.plusSeconds(3600))),
                false, NOW, NOW).factors()).extracting(Factor::code).containsExactly("repeated_contacts");
    }

    @Test
    void waitOfMoreThanTenMinutesIsALongWait() {
        assertThat(assess(facts(contact(OPENED, Direction.INBOUND, 600, null, null))).factors()).isEmpty();
        assertThat(contribution(facts(contact(OPENED, Direction.INBOUND, 601, null, null)), "long_waits")).isEqualTo(10.0);
    }

    @Test
    void cesOfFiveOrMoreIsHighEffort() {
        assertThat(assess(facts(feedback(null, 4, null))).factors()).isEmpty();
        assertThat(contribution(facts(feedback(null, 5, null)), "high_effort")).isEqualTo(10.0);
    }

    @Test
    void contactNotResolvedOnFirstContactCounts() {
        assertThat(assess(facts(contact(OPENED, Direction.INBOUND, null, true, null),
                contact(OPENED, Direction.OUTBOUND, null, null, null))).factors()).isEmpty();
        assertThat(contribution(facts(contact(OPENED, Direction.OUTBOUND, null, false, null)), "not_resolved_first_contact"))
                .isEqualTo(10.0);
    }

    @Test
    void eachHandOffWeighsMoreUpToTheCap() {
        assertThat(contribution(facts(transfer("a")), "hand_offs")).isEqualTo(5.0);
        assertThat(contribution(facts(transfer("a"), transfer("b")), "hand_offs")).isEqualTo(10.0);
        Assessment four = assess(facts(transfer("a"), transfer("b"), transfer("c"), transfer("d")));
        assertThat(four.factors()).extracting(Factor::contribution).containsExactly(15.0);
        assertThat(four.factors().get(0).reasonDa()).isEqualTo("Sagen er overdraget 4 gange mellem teams eller forvaltninger.");
    }

    @Test
    void caseOlderThanTheTypicalAgeCounts() {
        Fact opened = opened(OPENED, null, null);

        assertThat(model.assess(DEPARTMENT, facts(opened), false, OPENED.plus(Duration.ofDays(30)), NOW).factors()).isEmpty();
        Assessment older = model.assess(DEPARTMENT, facts(opened), false, OPENED.plus(Duration.ofDays(45)), NOW);
        assertThat(older.factors()).extracting(Factor::code, Factor::contribution)
                .containsExactly(tuple("case_older_than_typical", 10.0));
        assertThat(older.factors().get(0).reasonDa()).isEqualTo("Sagen er 45 dage gammel, mere end de typiske 30 dage.");
        assertThat(older.factors().get(0).reasonEn()).isEqualTo("The case is 45 days old, more than the typical 30 days.");
    }

    @Test
    void departmentsHaveTheirOwnTypicalAge() {
        RiskModel slowDepartment = new RiskModel(properties("thresholds.typical-case-age-by-department[" + DEPARTMENT + "]",
                "90d"));

        assertThat(slowDepartment.assess(DEPARTMENT, facts(opened(OPENED, null, null)), false,
                OPENED.plus(Duration.ofDays(45)), NOW).factors()).isEmpty();
        assertThat(slowDepartment.assess("other", facts(opened(OPENED, null, null)), false,
                OPENED.plus(Duration.ofDays(45)), NOW).factors()).extracting(Factor::code)
                .containsExactly("case_older_than_typical");
    }

    @Test
    void complaintsByThePartyOnOtherCasesCount() {
        Assessment assessment = model.assess(DEPARTMENT, facts(opened(OPENED, null, null)), true, NOW, NOW);

        assertThat(assessment.factors()).extracting(Factor::code, Factor::contribution)
                .containsExactly(tuple("earlier_complaints_by_party", 15.0));
        assertThat(assessment.factors().get(0).reasonEn()).isEqualTo("The party has complained on another case.");
    }

    @Test
    void scoreIsTheSumOfTheContributionsCappedAtAHundred() {
        Assessment everything = model.assess(DEPARTMENT, facts(opened(OPENED, null, null), pending(ExpectedOutcome.REJECTED),
                analysis(Sentiment.NEGATIVE, true), complaint(ComplaintFiled.Kind.SERVICE_COMPLAINT),
                contact(OPENED, Direction.INBOUND, 900, false, null), feedback(1, 7, 0)), true,
                OPENED.plus(Duration.ofDays(60)), NOW);

        assertThat(everything.factors().stream().mapToDouble(Factor::contribution).sum()).isGreaterThan(100);
        assertThat(everything.score()).isEqualTo(100);
        assertThat(everything.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(assess(facts(pending(ExpectedOutcome.REJECTED), feedback(1, null, null))).score()).isEqualTo(55);
    }

    @Test
    void factorsAreListedLargestFirst() {
        Assessment assessment = assess(facts(transfer("a"), pending(ExpectedOutcome.REJECTED), feedback(1, null, null)));

        assertThat(assessment.factors()).extracting(Factor::code)
                .containsExactly("unfavourable_decision_pending", "negative_feedback", "hand_offs");
    }

    @Test
    void levelsBeginAtTheConfiguredThresholds() {
        assertThat(model.level(39)).isEqualTo(RiskLevel.LOW);
        assertThat(model.level(40)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(model.level(69)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(model.level(70)).isEqualTo(RiskLevel.HIGH);
        RiskModel cautious = new RiskModel(properties("levels.medium", "20", "levels.high", "40"));
        assertThat(cautious.level(19)).isEqualTo(RiskLevel.LOW);
        assertThat(cautious.level(20)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(cautious.level(40)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void weightsAndModelVersionComeFromConfiguration() {
        RiskModel reweighted = new RiskModel(properties("weights.rejection-pending", "55", "model-version", "2027.01-1"));

        Assessment assessment = reweighted.assess(DEPARTMENT, facts(pending(ExpectedOutcome.REJECTED)), false, NOW, NOW);

        assertThat(assessment.factors()).extracting(Factor::contribution).containsExactly(55.0);
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(assessment.modelVersion()).isEqualTo("2027.01-1");
    }

    @Test
    void weightOfZeroSwitchesAFactorOff() {
        RiskModel noHandOffs = new RiskModel(properties("weights.hand-off", "0"));

        assertThat(noHandOffs.assess(DEPARTMENT, facts(transfer("a")), false, NOW, NOW).factors()).isEmpty();
    }

    @Test
    void reasonsQuoteNoFreeTextAndNoParty() {
        Assessment assessment = model.assess(DEPARTMENT, facts(opened(OPENED, "sb-1", "team-1"),
                contact(OPENED, Direction.INBOUND, 900, false, "sb-7"), feedback(1, 7, 0),
                complaint(ComplaintFiled.Kind.SERVICE_COMPLAINT), transfer("team-2")), true, NOW, NOW);

        assertThat(assessment.factors()).hasSize(7).allSatisfy(factor -> {
            assertThat(factor.reasonDa()).isNotBlank();
            assertThat(factor.reasonEn()).isNotBlank();
            for (String reason : new String[] { factor.reasonDa(), factor.reasonEn() }) {
                assertThat(reason).doesNotContain("0101901234", "Karen", "example.dk", "ref-1", "sb-", "team-",
                        "Forkert");
            }
        });
    }

    @Test
    void applicationYmlStatesTheSameDefaultsAsTheCode() throws Exception {
        PropertySource<?> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0);
        RiskProperties fromYaml = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate("servicepuls.risk", RiskProperties.class);

        assertThat(fromYaml).isEqualTo(properties());
        assertThat(fromYaml.thresholds().typicalCaseAgeByDepartment()).isEqualTo(Map.of());
    }

    private Assessment assess(CaseFacts facts) {
        return model.assess(DEPARTMENT, facts, false, NOW, NOW);
    }

    private double contribution(CaseFacts facts, String code) {
        return assess(facts).factors().stream().filter(factor -> factor.code().equals(code)).findFirst()
                .map(Factor::contribution).orElseThrow(() -> new AssertionError("no factor " + code));
    }
}
