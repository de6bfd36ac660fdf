package dk.servicepuls.feedback.analysis;

import java.util.List;

/**
 * When praise means its opposite. Two patterns of this domain's texts, beside the lexicon's ironic phrases ("tak
 * for ingenting", "after only") and praise in scare quotes: an opening of praise that the rest of the text turns,
 * and a word of praise for the municipality with nothing after it to praise.
 */
final class Irony {

    /** Praise in an opening from this much. */
    private static final double PRAISE = 2;

    private Irony() {
    }

    /**
     * A word or two of praise standing alone before a negative rest, or before a negative next clause, is ironic,
     * and so is the praise after it ("Super, så skal jeg vente tre måneder mere. Virkelig god service..."); in a text
     * that threatens a step, so is an opening sentence of praise of any length ("Brilliant work as always. From now
     * on you can talk to my attorney").
     *
     * @param opening what the first clause's words weigh
     * @param rest    what the rest of the text weighs
     * @param next    what the second clause's words weigh
     */
    static boolean ofTheOpening(List<Token> tokens, double opening, double rest, double next, boolean threatens) {
        if (opening < PRAISE || (rest >= 0 && next >= 0) || tokens.size() < 3) {
            return false;
        }
        int openingWords = firstClauseLength(tokens);
        return openingWords < tokens.size() && (openingWords <= 2 || threatens);
    }

    /**
     * Praise of a word or two for the municipality, with no praise after it, is ironic ("Bravo, kommune. Hullet i
     * vejen …"; "Well done, council. The bin …"): real praise would say what it is for.
     *
     * @param opening what the first clause's words weigh
     * @param praise  what all the text's words of praise weigh
     */
    static boolean ofLonePraiseForTheAddressee(List<Token> tokens, double opening, double praise, Lexicon lexicon) {
        if (opening < PRAISE || praise > opening) {
            return false;
        }
        int second = firstClauseLength(tokens);
        if (second == 0 || second > 2 || second == tokens.size()) {
            return false;
        }
        Phrases.Match<Boolean> addressee = lexicon.addressees.at(tokens, second);
        return addressee != null && addressee.end() < tokens.size()
                && tokens.get(addressee.end()).clause() != tokens.get(second).clause();
    }

    private static int firstClauseLength(List<Token> tokens) {
        int words = 0;
        while (words < tokens.size() && tokens.get(words).clause() == 0) {
            words++;
        }
        return words;
    }
}
