package dk.servicepuls.feedback.analysis;

import java.util.List;

/**
 * What a text says.
 *
 * @param language        the language it was read as ({@code da}, {@code en})
 * @param sentiment       {@code positive}, {@code neutral} or {@code negative}
 * @param score           from -1 (very negative) to 1 (very positive)
 * @param complaintIntent whether the writer says they will complain, appeal or escalate (and does not deny it)
 * @param intentKinds     the kinds of that intent, in the order of {@link IntentKind}
 * @param signals         the words that decided the intent and the sentiment
 * @param topics          the topics of the nine rules it touches, in the order of {@link Topic}
 */
public record TextAnalysis(String language, String sentiment, double score, boolean complaintIntent,
        List<String> intentKinds, List<Signal> signals, List<String> topics) {
}
