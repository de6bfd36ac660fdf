package dk.servicepuls.feedback.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what the writer says they will do: complain, appeal, go to the Ombudsman, a lawyer or the press, or take
 * it higher. A trigger does not count when its clause denies or puts it aside: a negator among the four words
 * before it or just after it ("jeg vil ikke klage", "I'm not complaining"), or one of the lexicon's cancelling
 * words anywhere in its clause ("overvejede at klage", "min klage fra sidste år", "I complained last year", "no
 * need to complain"). A text that says it asks in general has no intent at all.
 */
final class ComplaintIntent {

    private static final int NEGATION_BEFORE = 4;
    private static final int NEGATION_AFTER = 1;

    /**
     * @param kinds    what the writer says they will do
     * @param signals  the words that said it
     * @param triggers the positions of those words in the text
     */
    record Result(Set<IntentKind> kinds, List<Signal> signals, BitSet triggers) {
    }

    private ComplaintIntent() {
    }

    static Result of(List<Token> tokens, Lexicon lexicon) {
        Set<IntentKind> kinds = EnumSet.noneOf(IntentKind.class);
        List<Signal> signals = new ArrayList<>();
        BitSet triggers = new BitSet();
        if (hypothetical(tokens, lexicon)) {
            return new Result(kinds, signals, triggers);
        }
        int i = 0;
        while (i < tokens.size()) {
            Phrases.Match<IntentKind> trigger = lexicon.intents.at(tokens, i);
            if (trigger == null && lexicon.language.joinsCompounds()) {
                IntentKind part = lexicon.intents.lastPartOf(tokens.get(i).stem(), 5);
                trigger = part == null ? null : new Phrases.Match<>(i, 1, part);
            }
            if (trigger == null) {
                i++;
                continue;
            }
            if (!putAside(tokens, trigger, lexicon)) {
                kinds.add(trigger.value());
                signals.add(new Signal(trigger.value().code(), SentimentScore.words(tokens, i, trigger.length())));
                triggers.set(trigger.start(), trigger.end());
            }
            i = trigger.end();
        }
        return new Result(kinds, signals, triggers);
    }

    /** A text that says it asks in general ("Generelt spørgsmål: …", "Hypothetically, …") threatens nothing. */
    private static boolean hypothetical(List<Token> tokens, Lexicon lexicon) {
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.hypotheticals.at(tokens, i) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean putAside(List<Token> tokens, Phrases.Match<IntentKind> trigger, Lexicon lexicon) {
        int clause = tokens.get(trigger.start()).clause();
        int clauseStart = trigger.start();
        while (clauseStart > 0 && tokens.get(clauseStart - 1).clause() == clause) {
            clauseStart--;
        }
        for (int j = clauseStart; j < tokens.size() && tokens.get(j).clause() == clause; j++) {
            Phrases.Match<Boolean> cancel = lexicon.cancelsIntent.at(tokens, j);
            // a cancelling word that the trigger's own phrase holds is part of what it says ("consider this a
            // formal complaint"), not a step back from it
            if (cancel != null && !(cancel.start() >= trigger.start() && cancel.end() <= trigger.end())) {
                return true;
            }
            if (j >= trigger.start() - NEGATION_BEFORE && j < trigger.start() && lexicon.negators.at(tokens, j) != null) {
                return true;
            }
        }
        for (int j = trigger.end(); j < Math.min(tokens.size(), trigger.end() + NEGATION_AFTER); j++) {
            if (tokens.get(j).clause() == clause && lexicon.negators.at(tokens, j) != null) {
                return true;
            }
        }
        return false;
    }
}
