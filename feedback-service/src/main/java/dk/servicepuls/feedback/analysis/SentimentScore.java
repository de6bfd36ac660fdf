package dk.servicepuls.feedback.analysis;

import java.util.BitSet;
import java.util.List;

/**
 * Sentiment from the lexicon's weights, in the manner of VADER (Hutto and Gilbert, 2014): each sentiment word or
 * phrase counts with its weight, times the nearest intensifier or diminisher among the three words before it, and
 * turned and damped by a negator among them ("ikke særlig hjælpsom", "not helpful at all" reads its negator three
 * words back); words before the last contrast word ("men", "but") count half, from it on one and a half; each
 * exclamation mark (up to three) adds to the sum in its direction. Rules of this domain's texts: praise of a word or
 * two standing alone before a negative rest or a negative next clause is ironic, and so is the praise after it
 * ("Fantastisk, nu har jeg ringet fem gange og ingen ved noget"; "Great, another three months"); a denial right
 * after the contrast word with nothing to feel after it turns what came before ("… complicated, but it wasn't");
 * praise in a question asks for something ("Can you help?") and a question's clause that opens with a condition
 * supposes, so neither counts; the words the caller mutes (a note's complaint words) do not count; and a writer who
 * threatens a complaint is not content, so the caller adds a {@code bias}. The sum maps onto -1..1 as
 * {@code s / sqrt(s² + 15)}; from {@link #THRESHOLD} either way it is positive or negative.
 */
final class SentimentScore {

    static final double THRESHOLD = 0.15;

    private static final int LOOK_BACK = 3;
    private static final double NEGATION = -0.7;
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double FROM_CONTRAST = 1.5;
    private static final double EXCLAMATION = 0.3;
    private static final double ALPHA = 15;
    private static final double IRONIC_PRAISE = 2;
    /** What a word weighs in a clause opened by a concession ("selvom", "even though"): the main clause decides. */
    private static final double CONCEDED = 0.5;
    /**
     * Words this mild ("afslag", "klage", "problem", "venter") name a fact: in a caseworker's note they record it,
     * in a question they ask about it ("Hvor lang tid har jeg til at klage?").
     */
    private static final double MILD = 1;
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
        boolean receipt = acknowledgesReceipt(tokens, lexicon);
        BitSet conceded = followers(tokens, lexicon.concessions);
        BitSet supposed = followers(tokens, lexicon.conditionals);
        BitSet asked = askingClauses(tokens);
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
            if (weight == null || muted.get(i) || (note && Math.abs(weight) <= MILD)
                    || asksOrSupposes(tokens.get(i), weight, supposed.get(i))
                    || courtesyOnly(tokens, i, length, receipt || afterAQuestion(tokens.get(i), asked), lexicon)) {
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
                else {
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
        if (ironicOpening(tokens, opening, sum - opening, next)) {
            sum -= 2 * praise;
        }
        if (contrastAt >= 0 && !wordsAfterContrast && beforeContrast < 0
                && contrastAt + 1 < tokens.size() && lexicon.denials.at(tokens, contrastAt + 1) != null) {
            sum -= 2 * beforeContrast;
        }
        sum += Math.signum(sum) * EXCLAMATION * Math.min(3, count(text, '!'));
        return new Result(sum / Math.sqrt(sum * sum + ALPHA), signals);
    }

    /**
     * Praise in a question asks for something rather than gives it ("Can you help?"), a mild word names what is asked
     * about, and what follows a condition in a question's clause supposes ("… if one disagrees with a decision?"):
     * none of them says how the writer feels.
     */
    private static boolean asksOrSupposes(Token token, double weight, boolean supposed) {
        return token.question() && (weight > 0 || Math.abs(weight) <= MILD || supposed);
    }

    /** The positions that follow one of the phrases in their clause ("selvom …", "if …"). */
    private static BitSet followers(List<Token> tokens, Phrases<Boolean> phrases) {
        BitSet followers = new BitSet();
        boolean opened = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && tokens.get(i).clause() != tokens.get(i - 1).clause()) {
                opened = false;
            }
            if (opened) {
                followers.set(i);
            }
            else if (phrases.at(tokens, i) != null) {
                opened = true;
            }
        }
        return followers;
    }

    private static BitSet askingClauses(List<Token> tokens) {
        BitSet asking = new BitSet();
        for (Token token : tokens) {
            if (token.question()) {
                asking.set(token.clause());
            }
        }
        return asking;
    }

    /** A clause that is no question, right after one ("Is it open on Sunday? Thanks"). */
    private static boolean afterAQuestion(Token token, BitSet asked) {
        return !token.question() && token.clause() > 0 && asked.get(token.clause() - 1);
    }

    /**
     * A thank-you that only acknowledges: in a text that confirms a receipt ("Modtaget, tak"; "Got your letter,
     * thanks") or right after a question ("…? Thanks").
     */
    private static boolean courtesyOnly(List<Token> tokens, int at, int length, boolean onlyAcknowledges,
            Lexicon lexicon) {
        if (!onlyAcknowledges) {
            return false;
        }
        Phrases.Match<Boolean> courtesy = lexicon.courtesies.at(tokens, at);
        // a longer phrase says more: "tak for ingenting", "thanks for the quick answer"
        return courtesy != null && courtesy.length() == length;
    }

    private static boolean acknowledgesReceipt(List<Token> tokens, Lexicon lexicon) {
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.receipts.at(tokens, i) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word or two of praise standing alone before a negative rest, or before a negative next clause, is ironic,
     * and so is the praise after it ("Super, så skal jeg vente tre måneder mere. Virkelig god service...").
     */
    private static boolean ironicOpening(List<Token> tokens, double opening, double rest, double next) {
        if (opening < IRONIC_PRAISE || (rest >= 0 && next >= 0) || tokens.size() < 3) {
            return false;
        }
        int openingWords = 0;
        while (openingWords < tokens.size() && tokens.get(openingWords).clause() == 0) {
            openingWords++;
        }
        return openingWords <= 2 && openingWords < tokens.size();
    }

    private static Double lastPart(Token token, Lexicon lexicon) {
        return lexicon.language.joinsCompounds() ? lexicon.sentiment.lastPartOf(token.stem(), 3) : null;
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
