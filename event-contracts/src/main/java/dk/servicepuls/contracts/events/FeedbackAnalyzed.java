package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Data of {@code dk.servicepuls.feedback.analyzed.v1}: what text analysis made of one piece of feedback.
 *
 * @param feedbackId      the analysed feedback
 * @param language        detected language
 * @param sentiment       banded sentiment
 * @param sentimentScore  -1 (negative) to 1 (positive)
 * @param complaintIntent whether the text signals that a complaint is coming
 * @param signals         codes of the cues behind sentiment and intent, e.g. {@code klage_ord}; never the text
 * @param topics          detected topics, e.g. {@code ventetid}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackAnalyzed(
        String feedbackId,
        Language language,
        Sentiment sentiment,
        double sentimentScore,
        boolean complaintIntent,
        List<String> signals,
        List<String> topics) {

    public enum Sentiment {
        @JsonProperty("negative") NEGATIVE,
        @JsonProperty("neutral") NEUTRAL,
        @JsonProperty("positive") POSITIVE
    }
}
