package dk.servicepuls.feedback.analysis;

import java.util.BitSet;
import java.util.List;

/**
 * Sentiment from the lexicon's weights, in the manner of VADER (Hutto and Gilbert, 2014): each sentiment word or
 * phrase counts with its weight, times the nearest intensifier or diminisher among the three words before it, and
 * turned and damped by a negator among them ("ikke særlig hjælpsom", "not helpful at all" reads its negator three
 * words back); words before the last contrast word ("men", "but") count half, from it on one and a half, and in a
 * clause opened by a concession ("selvom", "even though") half; each exclamation mark (up to three) adds to the sum
 * in its direction. Rules of this domain's texts: the {@link UnfeltWords} do not count; praise in scare quotes and
 * the praise {@link Irony} finds count against; a denial right after the contrast word with nothing to feel after
 * it turns what came before ("… complicated, but it wasn't"; "Cheers for the help. Oh wait, there wasn't any"); a
 * word of exasperation standing alone sighs ("Igen."); and a writer who threatens a complaint is not content, so the
 * caller adds a {@code bias}. The sum maps onto -1..1 as {@code s / sqrt(s² + 15)}; from {@link #THRESHOLD} either
 * way it is positive or negative.
 */
final class SentimentScore {

    static final double THRESHOLD = 0.15;

    private static final int LOOK_BACK = 3;
    private static final double NEGATION = -0.7;
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double FROM_CONTRAST = 1.5;
    private static final double EXCLAMATION = 0.3;
    private static final double ALPHA = 15;
    /** What a word weighs in a clause opened by a concession ("selvom", "even though"): the main clause decides. */
    private static final double CONCEDED = 0.5;
    /** The shortest last part of a compound read for its sentiment: shorter ones are mostly chance ("…billet"). */
    private static final int SHORTEST_HEAD = 4;
    /** A word of exasperation standing alone ("Igen.", "Again."). */
    private static final double EXASPERATION = -1.5;
    /** A word counts as a signal of its sentiment from this much. */
    private static final double SIGNAL_WEIGHT = 1.0;

    /** The sum before mapping, and where each signal came from. */
    record Result(double score, List<Signal> signals) {

        String label() {
            return score >= THRESHOLD ? "positive" : score <= -THRESHOLD ? "negative" : "neutral";
        }
    }

    private SentimentScore() {
    }

    /**
     * Scores a text's words.
     *
     * @param bias  added to the sum (a complaint threat's)
     * @param note  whether the text is a caseworker's note: its mild words record facts, not feelings
     * @param muted positions whose words do not count (a note's complaint words)
     */
    static Result of(String text, List<Token> tokens, Lexicon lexicon, double bias, boolean note, BitSet muted) {
        int contrastAt = lastContrast(tokens, lexicon);
        int contrastEnd = contrastAt < 0 ? -1 : lexicon.contrast.at(tokens, contrastAt).end();
        UnfeltWords unfelt = new UnfeltWords(tokens, lexicon, note, muted);
        BitSet conceded = UnfeltWords.followers(tokens, lexicon.concessions);
        double sum = bias;
        double opening = 0;
        double next = 0;
        double praise = 0;
        double beforeContrast = 0;
        boolean wordsAfterContrast = false;
        List<Signal> signals = new java.util.ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Phrases.Match<Double> match = lexicon.sentiment.at(tokens, i);
            int length = match == null ? 1 : match.length();
            Double weight = match != null ? match.value() : lastPart(tokens.get(i), lexicon);
            if (weight == null && standsAlone(tokens, i) && lexicon.exasperations.at(tokens, i) != null) {
                weight = EXASPERATION;
            }
            if (weight == null || unfelt.at(i, length, weight)) {
                i += weight == null ? 1 : length;
                continue;
            }
            double value = weight * modifier(tokens, i, lexicon);
            if (conceded.get(i)) {
                value *= CONCEDED;
            }
            if (tokens.get(i).quoted() && value > 0) {
                value = -value;
            }
            if (contrastAt >= 0) {
                value *= i < contrastAt ? BEFORE_CONTRAST : FROM_CONTRAST;
                if (i < contrastAt) {
                    beforeContrast += value;
                }
                else if (i >= contrastEnd) {
                    wordsAfterContrast = true;
                }
            }
            sum += value;
            int clause = tokens.get(i).clause();
            opening += clause == 0 ? value : 0;
            next += clause == 1 ? value : 0;
            praise += Math.max(0, value);
            if (Math.abs(value) >= SIGNAL_WEIGHT) {
                signals.add(new Signal(value > 0 ? "positive" : "negative", words(tokens, i, length)));
            }
            i += length;
        }
        if (Irony.ofTheOpening(tokens, opening, sum - opening, next, bias < 0)
                || Irony.ofLonePraiseForTheAddressee(tokens, opening, praise, lexicon)) {
            sum -= 2 * praise;
        }
        if (contrastAt >= 0 && !wordsAfterContrast && beforeContrast != 0 && contrastEnd < tokens.size()
                && lexicon.denials.at(tokens, contrastEnd) != null) {
            sum -= 2 * beforeContrast;
        }
        sum += Math.signum(sum) * EXCLAMATION * Math.min(3, count(text, '!'));
        return new Result(sum / Math.sqrt(sum * sum + ALPHA), signals);
    }

    /** Whether word {@code at} is its clause's only word. */
    private static boolean standsAlone(List<Token> tokens, int at) {
        int clause = tokens.get(at).clause();
        return (at == 0 || tokens.get(at - 1).clause() != clause)
                && (at + 1 == tokens.size() || tokens.get(at + 1).clause() != clause);
    }

    private static Double lastPart(Token token, Lexicon lexicon) {
        return lexicon.language.joinsCompounds() ? lexicon.sentiment.lastPartOf(token.stem(), SHORTEST_HEAD) : null;
    }

    /** The factor the words just before word {@code at} (in its clause) put on it. */
    private static double modifier(List<Token> tokens, int at, Lexicon lexicon) {
        double factor = 1;
        boolean intensified = false;
        int clause = tokens.get(at).clause();
        for (int j = at - 1; j >= Math.max(0, at - LOOK_BACK) && tokens.get(j).clause() == clause; j--) {
            if (lexicon.negators.at(tokens, j) != null) {
                factor *= NEGATION;
                break;
            }
            Phrases.Match<Double> intensifier = lexicon.intensifiers.at(tokens, j);
            if (!intensified && intensifier != null && intensifier.end() <= at) {
                factor *= intensifier.value();
                intensified = true;
            }
        }
        return factor;
    }

    private static int lastContrast(List<Token> tokens, Lexicon lexicon) {
        for (int i = tokens.size() - 1; i > 0; i--) {
            if (lexicon.contrast.at(tokens, i) != null) {
                return i;
            }
        }
        return -1;
    }

    static String words(List<Token> tokens, int start, int length) {
        StringBuilder words = new StringBuilder();
        for (int i = start; i < start + length; i++) {
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(tokens.get(i).surface());
        }
        return words.toString();
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
