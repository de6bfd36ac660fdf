package dk.servicepuls.feedback.analysis;

import java.util.BitSet;
import java.util.List;

/**
 * The sentiment words of one text that do not say how the writer feels: a caseworker's note's complaint words and
 * mild words (it records them); praise and mild words in a question (it asks for or about them: "Can you help?",
 * "Hvor lang tid har jeg til at klage?") and what follows a condition in a question's clause ("… if one disagrees
 * with a decision?"); and a thank-you that only acknowledges, in a sentence that confirms a receipt ("Modtaget,
 * tak") or right after a question ("…? Thanks").
 */
final class UnfeltWords {

    /** Words this mild ("afslag", "klage", "problem", "venter") name a fact rather than a feeling. */
    private static final double MILD = 1;
    /** How far before a receipt word a negator denies it ("I have not received"). */
    private static final int DENIED_WITHIN = 3;

    private final List<Token> tokens;
    private final Lexicon lexicon;
    private final boolean note;
    private final BitSet muted;
    private final BitSet receiptSentences;
    private final BitSet supposed;
    private final BitSet askingClauses = new BitSet();

    /**
     * @param note  whether the text is a caseworker's note
     * @param muted positions whose words do not count whatever they are (a note's complaint words)
     */
    UnfeltWords(List<Token> tokens, Lexicon lexicon, boolean note, BitSet muted) {
        this.tokens = tokens;
        this.lexicon = lexicon;
        this.note = note;
        this.muted = muted;
        this.receiptSentences = receiptSentences(tokens, lexicon);
        this.supposed = lexicon.conditionals.followers(tokens);
        tokens.stream().filter(Token::question).forEach(token -> askingClauses.set(token.clause()));
    }

    /** Whether the sentiment word or phrase of {@code length} words at {@code at}, of this weight, says nothing. */
    boolean at(int at, int length, double weight) {
        Token token = tokens.get(at);
        boolean mild = Math.abs(weight) <= MILD;
        return muted.get(at) || (note && mild) || (token.question() && (weight > 0 || mild || supposed.get(at)))
                || ((receiptSentences.get(token.sentence()) || afterAQuestion(token)) && courtesy(at, length));
    }

    /** A clause that is no question, right after one ("Is it open on Sunday? Thanks"). */
    private boolean afterAQuestion(Token token) {
        return !token.question() && token.clause() > 0 && askingClauses.get(token.clause() - 1);
    }

    private boolean courtesy(int at, int length) {
        Phrases.Match<Boolean> courtesy = lexicon.courtesies.at(tokens, at);
        // a longer phrase says more: "tak for ingenting", "thanks for the quick answer"
        return courtesy != null && courtesy.length() == length;
    }

    private static BitSet receiptSentences(List<Token> tokens, Lexicon lexicon) {
        BitSet sentences = new BitSet();
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.receipts.at(tokens, i) != null && !lexicon.negatedBefore(tokens, i, DENIED_WITHIN)) {
                sentences.set(tokens.get(i).sentence());
            }
        }
        return sentences;
    }
}
