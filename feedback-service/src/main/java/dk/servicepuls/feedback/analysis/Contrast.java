package dk.servicepuls.feedback.analysis;

import java.util.List;

/**
 * The last contrast word of a text ("men", "but", "oh wait"): what comes before it counts half and what comes from
 * it on one and a half, since the writer ends on what they mean ("Venlig medarbejder, men svaret var forkert"). A
 * denial right after it, with nothing to feel after that, turns what came before whichever way it went
 * ("… complicated, but it wasn't"; "Cheers for the help. Oh wait, there wasn't any").
 *
 * @param at          where the contrast word stands; -1 where there is none
 * @param end         where the words after it begin
 * @param denialAfter whether a denial follows it right away
 */
record Contrast(int at, int end, boolean denialAfter) {

    private static final Contrast NONE = new Contrast(-1, -1, false);
    private static final double BEFORE = 0.5;
    private static final double FROM = 1.5;

    static Contrast in(List<Token> tokens, Lexicon lexicon) {
        for (int i = tokens.size() - 1; i > 0; i--) {
            Phrases.Match<Boolean> match = lexicon.contrast.at(tokens, i);
            if (match != null) {
                return new Contrast(i, match.end(),
                        match.end() < tokens.size() && lexicon.denials.at(tokens, match.end()) != null);
            }
        }
        return NONE;
    }

    /** What a sentiment word at {@code position} weighs for where it stands. */
    double factor(int position) {
        return at < 0 ? 1 : position < at ? BEFORE : FROM;
    }

    /** Whether a denial after the contrast word turns the words before it: nothing counted after it, something before. */
    boolean deniesWhatCameBefore(List<SentimentScore.Weighed> words) {
        return denialAfter && words.stream().noneMatch(word -> word.at() >= end)
                && words.stream().anyMatch(word -> word.at() < at);
    }
}
