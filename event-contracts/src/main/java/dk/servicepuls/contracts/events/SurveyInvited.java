package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@code dk.servicepuls.survey.invited.v1}: a survey link for the department's own messaging to
 * deliver; the platform holds no contact details to send it itself.
 *
 * @param invitationId unique invitation id
 * @param contactId    the contact the survey asks about; {@code null} for a survey after case.closed
 * @param surveyUrl    the personal survey link
 * @param expiresAt    when the link stops working
 * @param reminder     since 2026-12: {@code true} for the one reminder of an unanswered invitation (same link)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurveyInvited(String invitationId, String contactId, String surveyUrl, Instant expiresAt, Boolean reminder) {

    /** An invitation as first published, before reminders. */
    public SurveyInvited(String invitationId, String contactId, String surveyUrl, Instant expiresAt) {
        this(invitationId, contactId, surveyUrl, expiresAt, null);
    }
}
