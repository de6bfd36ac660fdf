package dk.servicepuls.feedback.analysis;

import java.util.BitSet;
import java.util.List;

/**
 * When praise means its opposite. Three patterns of this domain's texts, beside the lexicon's ironic phrases
 * ("tak for ingenting", "after only") and praise in scare quotes: an opening of praise that the rest of the text
 * turns, a word of praise for the municipality with nothing after it to praise, and praise for the closing of the
 * only one of something. Where one holds, all the text's praise counts against.
 */
final class Irony {

    /** Praise in an opening from this much. */
    private static final double PRAISE = 2;
    /** How near the only one of something its closing stands: just before it ("lukke den eneste") or after it. */
    private static final int CLOSING_BEFORE = 2;
    private static final int CLOSING_AFTER = 6;

    private Irony() {
    }

    /**
     * A word or two of praise alone in the first clause before a negative rest or a negative second clause is
     * ironic ("Super, så skal jeg vente tre måneder mere. Virkelig god service..."); in a text that threatens a
     * step, so is a first clause of praise of any length ("Brilliant work as always. From now on you can talk to my
     * attorney").
     */
    static boolean ofTheOpening(List<Token> tokens, List<SentimentScore.Weighed> words, boolean threatens) {
        double opening = inClause(tokens, words, 0);
        if (opening < PRAISE || tokens.size() < 3) {
            return false;
        }
        double rest = words.stream().mapToDouble(SentimentScore.Weighed::value).sum() - opening;
        int openingWords = firstClauseLength(tokens);
        return openingWords < tokens.size() && (threatens
                || (openingWords <= 2 && (rest < 0 || inClause(tokens, words, 1) < 0)));
    }

    /**
     * Praise of a word or two for the municipality, with no praise after it, is ironic ("Bravo, kommune. Hullet i
     * vejen …"; "Well done, council. The bin …"): real praise would say what it is for.
     */
    static boolean ofLonePraiseForTheAddressee(List<Token> tokens, List<SentimentScore.Weighed> words,
            Lexicon lexicon) {
        double opening = inClause(tokens, words, 0);
        double praise = words.stream().mapToDouble(word -> Math.max(0, word.value())).sum();
        if (opening < PRAISE || praise > opening) {
            return false;
        }
        int second = firstClauseLength(tokens);
        if (second > 2 || second == tokens.size()) {
            return false;
        }
        Phrases.Match<Boolean> addressee = lexicon.addressees.at(tokens, second);
        return addressee != null && addressee.end() < tokens.size()
                && tokens.get(addressee.end()).clause() != tokens.get(second).clause();
    }

    /**
     * Praise in a sentence that tells of the only one of something closing is ironic ("Mange tak for at lukke den
     * eneste institution i vores område"; "Great that the only pool in town is shut for the summer"): the closing
     * stands just before the only one or a few words after it, in its clause ("the library close to us is the only
     * place" is no closing).
     */
    static boolean ofPraiseForALoss(List<Token> tokens, List<SentimentScore.Weighed> words, Lexicon lexicon) {
        if (words.stream().noneMatch(word -> word.value() > 0)) {
            return false; // no praise to turn: the text's words need not be looked through
        }
        BitSet losses = new BitSet();
        for (int i = 0; i < tokens.size(); i++) {
            Phrases.Match<Boolean> only = lexicon.onlyOnes.at(tokens, i);
            if (only != null && closedNear(tokens, only, lexicon)) {
                losses.set(tokens.get(i).sentence());
            }
        }
        return !losses.isEmpty() && words.stream()
                .anyMatch(word -> word.value() > 0 && losses.get(tokens.get(word.at()).sentence()));
    }

    private static boolean closedNear(List<Token> tokens, Phrases.Match<Boolean> only, Lexicon lexicon) {
        int clause = tokens.get(only.start()).clause();
        int from = Math.max(0, only.start() - CLOSING_BEFORE);
        int to = Math.min(tokens.size(), only.end() + CLOSING_AFTER);
        for (int j = from; j < to; j++) {
            boolean outside = j < only.start() || j >= only.end();
            if (outside && tokens.get(j).clause() == clause && lexicon.closures.at(tokens, j) != null) {
                return true;
            }
        }
        return false;
    }

    private static double inClause(List<Token> tokens, List<SentimentScore.Weighed> words, int clause) {
        return words.stream().filter(word -> tokens.get(word.at()).clause() == clause)
                .mapToDouble(SentimentScore.Weighed::value).sum();
    }

    private static int firstClauseLength(List<Token> tokens) {
        int words = 0;
        while (words < tokens.size() && tokens.get(words).clause() == 0) {
            words++;
        }
        return words;
    }
}
