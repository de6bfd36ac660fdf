package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.feedback.submitted.v1}: a survey answer. At least one of {@code csat},
 * {@code ces}, {@code nps} and {@code comment} is present.
 *
 * @param feedbackId unique per source
 * @param contactId  the contact the feedback is about, if any
 * @param channel    the channel of that contact, if known
 * @param csat       customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied)
 * @param ces        customer effort, 1 (very easy) to 7 (very difficult)
 * @param nps        likelihood to recommend, 0 to 10
 * @param comment    free text, at most 4000 characters; published masked
 * @param language   language of the answer, if known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackSubmitted(
        String feedbackId,
        String contactId,
        Channel channel,
        Integer csat,
        Integer ces,
        Integer nps,
        String comment,
        Language language) {
}
