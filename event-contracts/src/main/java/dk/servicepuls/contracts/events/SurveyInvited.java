package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@code dk.servicepuls.survey.invited.v1}: a survey link for the department's own messaging to
 * deliver; the platform holds no contact details to send it itself.
 *
 * @param invitationId unique invitation id
 * @param contactId    the contact the survey asks about
 * @param surveyUrl    the personal survey link
 * @param expiresAt    when the link stops working
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurveyInvited(String invitationId, String contactId, String surveyUrl, Instant expiresAt) {
}
