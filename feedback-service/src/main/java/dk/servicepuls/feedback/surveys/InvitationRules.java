package dk.servicepuls.feedback.surveys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether an event earns a survey, and which questions: the first rule that matches the department, channel and
 * trigger; then the sampling, decided by the event's identity so that a redelivery or a replay decides the same;
 * then no survey for a case with a recent complaint; then each question left out whose quiet period for the party
 * has not passed.
 */
final class InvitationRules {

    private final SurveyProperties properties;

    InvitationRules(SurveyProperties properties) {
        this.properties = properties;
    }

    /**
     * @param lastInvited when the party was last asked each question, by type (absent: never)
     * @return the questions to ask, empty for no survey
     */
    List<SurveyType> decide(String department, String channel, String trigger, String eventKey,
            Instant lastComplaint, Map<SurveyType, Instant> lastInvited, Instant now) {
        SurveyProperties.Rule rule = properties.rules().stream()
                .filter(candidate -> candidate.matches(department, channel, trigger)).findFirst().orElse(null);
        if (rule == null || rule.types() == null || !sampled(eventKey, rule.sampling())) {
            return List.of();
        }
        if (lastComplaint != null && lastComplaint.plus(properties.complaintQuiet()).isAfter(now)) {
            return List.of();
        }
        List<SurveyType> types = new ArrayList<>();
        for (SurveyType type : rule.types()) {
            Instant last = lastInvited.get(type);
            if (last == null || !last.plus(rule.quietPeriod()).isAfter(now)) {
                types.add(type);
            }
        }
        return types;
    }

    /** The same event always falls on the same side: a name-based UUID of its key spread over 0..1. */
    static boolean sampled(String eventKey, double sampling) {
        if (sampling >= 1) {
            return true;
        }
        long bits = UUID.nameUUIDFromBytes(eventKey.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() >>> 11;
        return bits / (double) (1L << 53) < sampling;
    }
}
