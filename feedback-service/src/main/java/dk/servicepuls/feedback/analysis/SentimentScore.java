package dk.servicepuls.feedback.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Sentiment from the lexicon's weights, in the manner of VADER (Hutto and Gilbert, 2014): each sentiment word or
 * phrase counts with its weight, times the nearest intensifier or diminisher among the three words before it, and
 * turned and damped by a negator among them ("ikke særlig hjælpsom", "not helpful at all" reads its negator three
 * words back) unless an intensifier holds it ("aldrig oplevet så hurtig") or a phrase where it does not negate ("mon
 * ikke"); the {@link Contrast} weighs what comes before and after the last contrast word; in a clause opened by a
 * concession ("selvom", "even though") words count half; each exclamation mark (up to three) adds to the sum in its
 * direction. Rules of this domain's texts: the {@link UnfeltWords} do not count; praise in scare quotes and the
 * praise {@link Irony} finds count against; a word of exasperation alone as a sentence sighs ("Igen."), and so does
 * a question made rhetorical ("Læser nogen overhovedet …?"); and a writer who threatens a complaint is not
 * content, so the caller adds a {@code bias}. The sum maps onto -1..1 as {@code s / sqrt(s² + 15)}; from
 * {@link #THRESHOLD} either way it is positive or negative.
 */
final class SentimentScore {

    static final double THRESHOLD = 0.15;

    private static final int LOOK_BACK = 3;
    private static final double NEGATION = -0.7;
    private static final double EXCLAMATION = 0.3;
    private static final double ALPHA = 15;
    /** What a word weighs in a clause opened by a concession ("selvom", "even though"): the main clause decides. */
    private static final double CONCEDED = 0.5;
    /** The shortest last part of a compound read for its sentiment: shorter ones are mostly chance ("…billet"). */
    private static final int SHORTEST_HEAD = 4;
    /** A word of exasperation alone as a sentence ("Igen.", "Again."). */
    private static final double EXASPERATION = -1.5;
    /** A word that makes a question rhetorical ("overhovedet", "actually", "on earth"): it asks in exasperation. */
    private static final double RHETORICAL = -1.5;
    /** A word counts as a signal of its sentiment from this much. */
    private static final double SIGNAL_WEIGHT = 1.0;
    /** A text's signals are capped, so that the answer stays small whatever the text. */
    static final int MAX_SIGNALS = 32;

    /** The sum before mapping, and where each signal came from. */
    record Result(double score, List<Signal> signals) {

        String label() {
            return score >= THRESHOLD ? "positive" : score <= -THRESHOLD ? "negative" : "neutral";
        }
    }

    /** A sentiment word or phrase that counts, at its position, with what it weighs in the text. */
    record Weighed(int at, int length, double value) {

        Weighed turned() {
            return new Weighed(at, length, -value);
        }
    }

    private SentimentScore() {
    }

    /**
     * Scores a text's words.
     *
     * @param threatens whether the writer threatens a step (the caller's {@code bias} says how much that weighs)
     * @param note      whether the text is a caseworker's note: its mild words record facts, not feelings
     * @param muted     positions whose words do not count (a note's complaint words)
     */
    static Result of(String text, List<Token> tokens, Lexicon lexicon, boolean threatens, double bias, boolean note,
            BitSet muted) {
        Contrast contrast = Contrast.in(tokens, lexicon);
        List<Weighed> words = weigh(tokens, lexicon, contrast, new UnfeltWords(tokens, lexicon, note, muted));
        if (Irony.ofTheOpening(tokens, words, threatens) || Irony.ofLonePraiseForTheAddressee(tokens, words, lexicon)
                || Irony.ofPraiseForALoss(tokens, words, lexicon)) {
            words.replaceAll(word -> word.value() > 0 ? word.turned() : word);
        }
        if (contrast.deniesWhatCameBefore(words)) {
            words.replaceAll(word -> word.at() < contrast.at() ? word.turned() : word);
        }
        double sum = bias;
        List<Signal> signals = new ArrayList<>();
        for (Weighed word : words) {
            sum += word.value();
            if (Math.abs(word.value()) >= SIGNAL_WEIGHT && signals.size() < MAX_SIGNALS) {
                signals.add(new Signal(word.value() > 0 ? "positive" : "negative",
                        words(tokens, word.at(), word.length())));
            }
        }
        sum += Math.signum(sum) * EXCLAMATION * Math.min(3, count(text, '!'));
        return new Result(sum / Math.sqrt(sum * sum + ALPHA), signals);
    }

    private static List<Weighed> weigh(List<Token> tokens, Lexicon lexicon, Contrast contrast, UnfeltWords unfelt) {
        BitSet conceded = lexicon.concessions.followers(tokens);
        List<Weighed> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Phrases.Match<Double> match = lexicon.sentiment.at(tokens, i);
            int length = match == null ? 1 : match.length();
            Double weight = match != null ? match.value() : lastPart(tokens.get(i), lexicon);
            double modifier = 1;
            if (weight == null && aloneInItsSentence(tokens, i) && lexicon.exasperations.at(tokens, i) != null) {
                weight = EXASPERATION;
            }
            Phrases.Match<Boolean> rhetorical = weight == null && tokens.get(i).question()
                    ? lexicon.rhetorical.at(tokens, i) : null;
            if (rhetorical != null) {
                // "Læser nogen overhovedet det vi sender?": the exasperation is the question's, no word turns it
                weight = RHETORICAL;
                length = rhetorical.length();
            }
            else if (weight != null) {
                modifier = modifier(tokens, i, lexicon);
            }
            if (weight != null && weight != 0 && !unfelt.at(i, length, weight)) {
                double value = weight * modifier * contrast.factor(i) * (conceded.get(i) ? CONCEDED : 1);
                words.add(new Weighed(i, length, tokens.get(i).quoted() && value > 0 ? -value : value));
            }
            i += weight == null ? 1 : length;
        }
        return words;
    }

    private static boolean aloneInItsSentence(List<Token> tokens, int at) {
        int sentence = tokens.get(at).sentence();
        return (at == 0 || tokens.get(at - 1).sentence() != sentence)
                && (at + 1 == tokens.size() || tokens.get(at + 1).sentence() != sentence);
    }

    private static Double lastPart(Token token, Lexicon lexicon) {
        return lexicon.language.joinsCompounds() ? lexicon.sentiment.lastPartOf(token.stem(), SHORTEST_HEAD) : null;
    }

    /**
     * The factor the words just before word {@code at} (in its clause) put on it: the nearest intensifier or
     * diminisher, the longest where phrases end at the same word ("aldrig oplevet så", not "så"), and a negator that
     * no such phrase holds ("aldrig oplevet så hurtig" and "never seen such" are no negation).
     */
    private static double modifier(List<Token> tokens, int at, Lexicon lexicon) {
        double factor = 1;
        boolean intensified = false;
        int clause = tokens.get(at).clause();
        int j = at - 1;
        while (j >= Math.max(0, at - LOOK_BACK) && tokens.get(j).clause() == clause) {
            Phrases.Match<Double> intensifier = longestIntensifierOver(tokens, j, at, lexicon);
            if (intensifier != null) {
                factor *= intensified ? 1 : intensifier.value();
                intensified = true;
                j = intensifier.start() - 1;
                continue;
            }
            if (lexicon.negates(tokens, j)) {
                factor *= NEGATION;
                break;
            }
            j--;
        }
        return factor;
    }

    /** The longest intensifier that covers word {@code j} and ends by word {@code at}, within its clause. */
    private static Phrases.Match<Double> longestIntensifierOver(List<Token> tokens, int j, int at, Lexicon lexicon) {
        for (int start = Math.max(0, j - lexicon.intensifiers.longest() + 1); start <= j; start++) {
            Phrases.Match<Double> intensifier = lexicon.intensifiers.at(tokens, start);
            if (intensifier != null && intensifier.end() > j && intensifier.end() <= at
                    && tokens.get(start).clause() == tokens.get(j).clause()) {
                return intensifier;
            }
        }
        return null;
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
