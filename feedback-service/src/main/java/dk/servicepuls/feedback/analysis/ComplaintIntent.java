package dk.servicepuls.feedback.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what the writer says they will do: complain, appeal, go to the Ombudsman, a lawyer or the press, or take
 * it higher. A trigger does not count when its clause denies or puts it aside: a negator among the four words
 * before it or just after it ("jeg vil ikke klage", "I'm not complaining"; not one that does not negate, "mon
 * ikke"), or one of the lexicon's cancelling words before it in its clause ("overvejede at klage", "no need to
 * complain"), or anywhere in its clause where the trigger tells of a step taken ("Jeg klagede sidste år over …", "I
 * complained last year"); a cancelling phrase that holds a trigger puts aside only that one ("min klage fra sidste
 * år", "after my complaint"); nor does it count when its sentence or the next says it asks in general ("Hvordan
 * klager man? Bare nysgerrig."). The work is linear in the text: the clauses' cancelling words are counted once.
 */
final class ComplaintIntent {

    private static final int NEGATION_BEFORE = 4;
    private static final int NEGATION_AFTER = 1;
    /** How much of the compound's last part a trigger needs ("klagesag", "byrådsmedlem"). */
    private static final int SHORTEST_HEAD = 5;

    /**
     * @param kinds    what the writer says they will do
     * @param signals  the words that said it (at most {@link SentimentScore#MAX_SIGNALS})
     * @param triggers the positions of those words in the text
     */
    record Result(Set<IntentKind> kinds, List<Signal> signals, BitSet triggers) {
    }

    private final List<Token> tokens;
    private final Lexicon lexicon;
    /** Where the cancelling phrase that starts at each position ends (0: none starts there). */
    private final int[] cancelEnds;
    /**
     * The cancelling phrases, by where they start, that hold a trigger: such a phrase puts aside only the trigger it
     * holds ("min klage fra sidste år", "after my complaint"), not a later one in its clause.
     */
    private final BitSet holdingCancels = new BitSet();
    /** How many cancelling phrases that hold no trigger start before each position (one more entry than words). */
    private final int[] cancelsBefore;
    private final BitSet hypotheticalSentences = new BitSet();

    private ComplaintIntent(List<Token> tokens, Lexicon lexicon) {
        this.tokens = tokens;
        this.lexicon = lexicon;
        this.cancelEnds = new int[tokens.size()];
        this.cancelsBefore = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            Phrases.Match<Boolean> cancel = lexicon.cancelsIntent.at(tokens, i);
            if (cancel != null) {
                cancelEnds[i] = cancel.end();
                holdingCancels.set(i, holdsATrigger(cancel));
            }
            cancelsBefore[i + 1] = cancelsBefore[i] + (cancel != null && !holdingCancels.get(i) ? 1 : 0);
            if (lexicon.hypotheticals.at(tokens, i) != null) {
                hypotheticalSentences.set(tokens.get(i).sentence());
            }
        }
    }

    static Result of(List<Token> tokens, Lexicon lexicon) {
        return new ComplaintIntent(tokens, lexicon).find();
    }

    private Result find() {
        Set<IntentKind> kinds = EnumSet.noneOf(IntentKind.class);
        List<Signal> signals = new ArrayList<>();
        BitSet triggers = new BitSet();
        int clauseStart = 0;
        int clauseEnd = 0;
        int i = 0;
        while (i < tokens.size()) {
            if (i >= clauseEnd) {
                clauseStart = i;
                clauseEnd = clauseEnd(i);
            }
            Phrases.Match<IntentKind> trigger = triggerAt(i);
            if (trigger == null) {
                i++;
                continue;
            }
            if (!putAside(trigger, clauseStart, clauseEnd)) {
                kinds.add(trigger.value());
                if (signals.size() < SentimentScore.MAX_SIGNALS) {
                    signals.add(new Signal(trigger.value().code(), SentimentScore.words(tokens, i, trigger.length())));
                }
                triggers.set(trigger.start(), trigger.end());
            }
            i = trigger.end();
        }
        return new Result(kinds, signals, triggers);
    }

    private Phrases.Match<IntentKind> triggerAt(int at) {
        Phrases.Match<IntentKind> trigger = lexicon.intents.at(tokens, at);
        if (trigger == null && lexicon.language.joinsCompounds()) {
            IntentKind part = lexicon.intents.lastPartOf(tokens.get(at).stem(), SHORTEST_HEAD);
            trigger = part == null ? null : new Phrases.Match<>(at, 1, part);
        }
        return trigger;
    }

    private int clauseEnd(int from) {
        int clause = tokens.get(from).clause();
        int end = from;
        while (end < tokens.size() && tokens.get(end).clause() == clause) {
            end++;
        }
        return end;
    }

    private boolean putAside(Phrases.Match<IntentKind> trigger, int clauseStart, int clauseEnd) {
        int sentence = tokens.get(trigger.start()).sentence();
        if (hypotheticalSentences.get(sentence) || hypotheticalSentences.get(sentence + 1)) {
            return true;
        }
        boolean stepTaken = lexicon.pastSteps.contains(tokens.get(trigger.start()).surface());
        int until = stepTaken ? clauseEnd : trigger.end();
        // a cancelling word that the trigger's own phrase holds is part of what it says ("consider this a formal
        // complaint"), not a step back from it
        int cancels = cancelsBefore[until] - cancelsBefore[clauseStart] - containedCancels(trigger);
        if (cancels > 0 || heldByACancel(trigger, clauseStart)) {
            return true;
        }
        if (lexicon.negatedBefore(tokens, trigger.start(), NEGATION_BEFORE)) {
            return true;
        }
        for (int j = trigger.end(); j < Math.min(clauseEnd, trigger.end() + NEGATION_AFTER); j++) {
            if (lexicon.negates(tokens, j)) {
                return true;
            }
        }
        return false;
    }

    private int containedCancels(Phrases.Match<IntentKind> trigger) {
        int contained = 0;
        for (int j = trigger.start(); j < trigger.end(); j++) {
            if (cancelEnds[j] != 0 && cancelEnds[j] <= trigger.end() && !holdingCancels.get(j)) {
                contained++;
            }
        }
        return contained;
    }

    /** Whether a cancelling phrase that holds a trigger covers this one, and is not held in it. */
    private boolean heldByACancel(Phrases.Match<IntentKind> trigger, int clauseStart) {
        int from = Math.max(clauseStart, trigger.start() - lexicon.cancelsIntent.longest() + 1);
        for (int s = from; s < trigger.end(); s++) {
            boolean contained = s >= trigger.start() && cancelEnds[s] <= trigger.end();
            if (holdingCancels.get(s) && cancelEnds[s] > trigger.start() && !contained) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsATrigger(Phrases.Match<Boolean> cancel) {
        for (int k = cancel.start(); k < cancel.end(); k++) {
            if (triggerAt(k) != null) {
                return true;
            }
        }
        return false;
    }
}
