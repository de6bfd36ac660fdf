package dk.servicepuls.feedback.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InvitationRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final InvitationRules rules = new InvitationRules(new SurveyProperties("http://localhost", null,
            Duration.ofDays(14), Duration.ofDays(90), Duration.ofDays(5), Duration.ofMinutes(15), List.of(
                    new SurveyProperties.Rule("borgerservice", "phone", "contact-recorded", List.of(SurveyType.CES), 1.0,
                            Duration.ofDays(90)),
                    new SurveyProperties.Rule("*", "*", "contact-recorded", List.of(SurveyType.CSAT, SurveyType.CES), 1.0,
                            Duration.ofDays(30)),
                    new SurveyProperties.Rule("*", "*", "case-closed", List.of(SurveyType.NPS), 0.25,
                            Duration.ofDays(180))), null));

    @Test
    void theFirstRuleThatMatchesDepartmentChannelAndTriggerDecides() {
        assertThat(rules.decide("borgerservice", "phone", "contact-recorded", "e-1", null, Map.of(), NOW))
                .containsExactly(SurveyType.CES);
        assertThat(rules.decide("borgerservice", "email", "contact-recorded", "e-1", null, Map.of(), NOW))
                .containsExactly(SurveyType.CSAT, SurveyType.CES);
        assertThat(rules.decide("borgerservice", null, "decision-made", "e-1", null, Map.of(), NOW)).isEmpty();
    }

    @Test
    void aQuestionAskedOfThePartyWithinItsQuietPeriodIsLeftOut() {
        Map<SurveyType, Instant> askedTenDaysAgo = Map.of(SurveyType.CES, NOW.minus(Duration.ofDays(10)));

        assertThat(rules.decide("teknik", "email", "contact-recorded", "e-2", null, askedTenDaysAgo, NOW))
                .containsExactly(SurveyType.CSAT);
        assertThat(rules.decide("borgerservice", "phone", "contact-recorded", "e-2", null, askedTenDaysAgo, NOW))
                .as("CES every 90 days at most").isEmpty();
        assertThat(rules.decide("teknik", "email", "contact-recorded", "e-2", null,
                Map.of(SurveyType.CES, NOW.minus(Duration.ofDays(31))), NOW)).contains(SurveyType.CES);
    }

    @Test
    void noSurveyWhileTheCaseHasARecentComplaint() {
        assertThat(rules.decide("teknik", "email", "contact-recorded", "e-3", NOW.minus(Duration.ofDays(5)), Map.of(), NOW))
                .isEmpty();
        assertThat(rules.decide("teknik", "email", "contact-recorded", "e-3", NOW.minus(Duration.ofDays(91)), Map.of(), NOW))
                .isNotEmpty();
    }

    @Test
    void samplingTakesAboutItsShareAndTheSameEventAlwaysTheSameWay() {
        long taken = IntStream.range(0, 4000).filter(i -> InvitationRules.sampled("/kommune/esdh\nevt-" + i, 0.25)).count();

        assertThat(taken).isBetween(900L, 1100L);
        assertThat(InvitationRules.sampled("/kommune/esdh\nevt-7", 0.25))
                .isEqualTo(InvitationRules.sampled("/kommune/esdh\nevt-7", 0.25));
        assertThat(InvitationRules.sampled("x", 0)).isFalse();
        assertThat(InvitationRules.sampled("x", 1)).isTrue();
    }
}
