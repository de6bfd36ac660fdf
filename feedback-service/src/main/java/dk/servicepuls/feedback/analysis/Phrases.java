package dk.servicepuls.feedback.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Terms and phrases as stem sequences, each with a value, found in a text's words by their first stem: the longest
 * phrase starting at a word wins, so "klage over afgørelsen" is one appeal and not a complaint plus two words.
 */
final class Phrases<V> {

    /** A phrase found at a word, and how many words it spans. */
    record Match<V>(int start, int length, V value) {

        int end() {
            return start + length;
        }
    }

    private record Entry<V>(String[] stems, V value) {
    }

    private final Map<String, List<Entry<V>>> byFirstStem = new HashMap<>();

    /** Single-word entries by stem, for the last part of a compound. */
    private final Map<String, V> singleWords = new HashMap<>();

    private int shortestSingleWord = Integer.MAX_VALUE;

    private int longest;

    /**
     * Adds a phrase; one already there with the same stems keeps its value.
     *
     * @return the value of the phrase already there with the same stems, or {@code null}
     */
    V add(String[] stems, V value) {
        if (stems.length == 0) {
            return null;
        }
        List<Entry<V>> entries = byFirstStem.computeIfAbsent(stems[0], first -> new ArrayList<>());
        for (Entry<V> entry : entries) {
            if (Arrays.equals(entry.stems(), stems)) {
                return entry.value();
            }
        }
        entries.add(new Entry<>(stems, value));
        longest = Math.max(longest, stems.length);
        entries.sort(Comparator.comparingInt((Entry<V> entry) -> entry.stems().length).reversed());
        if (stems.length == 1) {
            singleWords.putIfAbsent(stems[0], value);
            shortestSingleWord = Math.min(shortestSingleWord, stems[0].length());
        }
        return null;
    }

    /** The longest phrase that starts at word {@code at} and stays within its clause; {@code null} if none. */
    Match<V> at(List<Token> tokens, int at) {
        List<Entry<V>> entries = byFirstStem.get(tokens.get(at).stem());
        if (entries == null) {
            return null;
        }
        for (Entry<V> entry : entries) {
            if (matches(entry.stems(), tokens, at)) {
                return new Match<>(at, entry.stems().length, entry.value());
            }
        }
        return null;
    }

    /**
     * For a compound such as "telefonkø" or "byrådspolitiker": the single-word entry its longest last part is,
     * leaving a first part of at least four letters (shorter ones are mostly prefixes, as in "forventet", not
     * words); {@code null} if none.
     */
    V lastPartOf(String stem, int shortestPart) {
        int shortest = Math.max(shortestPart, shortestSingleWord);
        for (int start = 4; stem.length() - start >= shortest; start++) {
            V value = singleWords.get(stem.substring(start));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** How many words the longest phrase has. */
    int longest() {
        return longest;
    }

    /** The positions after one of these phrases in its clause ("selvom …", "if …"), the phrase itself left out. */
    BitSet followers(List<Token> tokens) {
        BitSet followers = new BitSet();
        int from = Integer.MAX_VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && tokens.get(i).clause() != tokens.get(i - 1).clause()) {
                from = Integer.MAX_VALUE;
            }
            if (i >= from) {
                followers.set(i);
            }
            else {
                Match<V> match = at(tokens, i);
                if (match != null) {
                    from = match.end();
                }
            }
        }
        return followers;
    }

    private static boolean matches(String[] stems, List<Token> tokens, int at) {
        if (at + stems.length > tokens.size()) {
            return false;
        }
        int clause = tokens.get(at).clause();
        for (int i = 0; i < stems.length; i++) {
            Token token = tokens.get(at + i);
            if (token.clause() != clause || !token.stem().equals(stems[i])) {
                return false;
            }
        }
        return true;
    }
}
