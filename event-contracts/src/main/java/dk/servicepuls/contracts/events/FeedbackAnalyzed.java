package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Data of {@code dk.servicepuls.feedback.analyzed.v1}: what text analysis made of one text (a feedback comment, a
 * complaint text or a contact note).
 *
 * @param feedbackId      the analysed feedback, complaint or contact (its feedbackId, complaintId or contactId)
 * @param language        the language the text was read in
 * @param sentiment       banded sentiment
 * @param sentimentScore  -1 (negative) to 1 (positive)
 * @param complaintIntent whether the text signals that a complaint is coming
 * @param signals         the cues behind intent and sentiment as {@code <kind>:<words>}, e.g.
 *                        {@code appeal:klage over afgørelsen}; the lexicon's words only, never more of the text
 * @param topics          topics of the nine rules, e.g. {@code waiting-time}
 * @param intentKinds     since 2026-12: the kinds of complaint intent found, e.g. {@code appeal}
 * @param analysed        since 2026-12: {@code feedback-comment}, {@code complaint-text} or {@code contact-note}
 * @param csat            since 2026-12: the feedback's scores, where the text was a comment with them
 * @param ces             likewise
 * @param nps             likewise
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
        List<String> topics,
        List<String> intentKinds,
        String analysed,
        Integer csat,
        Integer ces,
        Integer nps) {

    /** An analysis of version 1 as first published, without the fields added since. */
    public FeedbackAnalyzed(String feedbackId, Language language, Sentiment sentiment, double sentimentScore,
            boolean complaintIntent, List<String> signals, List<String> topics) {
        this(feedbackId, language, sentiment, sentimentScore, complaintIntent, signals, topics, null, null, null, null,
                null);
    }

    public enum Sentiment {
        @JsonProperty("negative") NEGATIVE,
        @JsonProperty("neutral") NEUTRAL,
        @JsonProperty("positive") POSITIVE
    }
}
