package dk.servicepuls.feedback.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One language's lexicon, read from {@code analysis/lexicon-<code>.txt}: sentiment weights, negators,
 * intensifiers and diminishers, contrast words, what cancels a complaint word, the complaint-intent phrases by
 * kind, the topic phrases, the openings of a caseworker's note, the denials that turn what came before a contrast
 * ("but it wasn't"), the words that open a condition or a concession, the thank-yous and what acknowledges a
 * receipt, words of exasperation, how the municipality is addressed, what makes a whole text a hypothetical
 * question, the trigger words that tell of a step taken, the marks of a note's shorthand, the words that make a
 * question rhetorical, the only one of something and its closing, the phrases whose negator does not negate, and
 * spelling variants. Every entry is stemmed as the texts are, so it matches every
 * inflection of its words.
 */
final class Lexicon {

    /** How many clauses from the start a note's subject may open. */
    private static final int NOTE_OPENING_CLAUSES = 3;
    /** How many marks of a note's shorthand make a text a note without its subject. */
    private static final int NOTE_MARKS = 2;

    final Language language;
    /** The sections that are lists of words and phrases, by name: each entry just is in its list. */
    private final Map<String, Phrases<Boolean>> wordLists = new HashMap<>();
    final Phrases<Double> sentiment = new Phrases<>();
    final Phrases<Double> intensifiers = new Phrases<>();
    final Phrases<IntentKind> intents = new Phrases<>();
    final Phrases<Topic> topics = new Phrases<>();
    final Map<String, String> spelling = new HashMap<>();
    /** Trigger words as written that tell of a step taken, not one to come ("klagede", "complained"). */
    final Set<String> pastSteps = new HashSet<>();
    final Phrases<Boolean> negators = wordList("negators");
    final Phrases<Boolean> contrast = wordList("contrast");
    final Phrases<Boolean> cancelsIntent = wordList("cancels-intent");
    final Phrases<Boolean> noteSubjects = wordList("note-subjects");
    final Phrases<Boolean> noteMarks = wordList("note-marks");
    final Phrases<Boolean> rhetorical = wordList("rhetorical");
    final Phrases<Boolean> onlyOnes = wordList("only-ones");
    final Phrases<Boolean> closures = wordList("closures");
    final Phrases<Boolean> notNegations = wordList("not-negations");
    final Phrases<Boolean> denials = wordList("denials");
    final Phrases<Boolean> conditionals = wordList("conditionals");
    final Phrases<Boolean> concessions = wordList("concessions");
    final Phrases<Boolean> courtesies = wordList("courtesies");
    final Phrases<Boolean> receipts = wordList("receipts");
    final Phrases<Boolean> exasperations = wordList("exasperations");
    final Phrases<Boolean> addressees = wordList("addressees");
    final Phrases<Boolean> hypotheticals = wordList("hypotheticals");

    private Lexicon(Language language) {
        this.language = language;
    }

    private Phrases<Boolean> wordList(String section) {
        Phrases<Boolean> list = new Phrases<>();
        wordLists.put(section, list);
        return list;
    }

    static Map<Language, Lexicon> loadAll() {
        Map<Language, Lexicon> lexicons = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            lexicons.put(language, load(language));
        }
        return lexicons;
    }

    static Lexicon load(Language language) {
        return load(language, "analysis/lexicon-" + language.code() + ".txt");
    }

    /** A lexicon from a class path resource in the lexicons' format. */
    static Lexicon load(Language language, String resource) {
        InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No lexicon " + resource + " on the class path");
        }
        Lexicon lexicon = new Lexicon(language);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String section = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    section = trimmed.substring(1, trimmed.length() - 1);
                    continue;
                }
                if (section == null) {
                    throw new IllegalStateException(resource + ":" + number + ": an entry before any [section]");
                }
                lexicon.read(section, trimmed.split("\t"), resource + ":" + number);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return lexicon;
    }

    private void read(String section, String[] fields, String where) {
        String term = fields[0].strip().toLowerCase(Locale.ROOT);
        if (section.equals("spelling")) {
            spelling.put(term, value(fields, where).toLowerCase(Locale.ROOT));
            return;
        }
        if (section.equals("past-steps")) {
            pastSteps.add(term);
            return;
        }
        String[] stems = stems(term);
        switch (section) {
            case "sentiment" -> {
                double weight = number(fields, where);
                addOnce(sentiment, stems, weight, term, where);
                if (stems.length == 1 && language.joinsCompounds()) {
                    // Danish adjectives: the stemmer leaves the neuter -t (godt, nemt), and may leave an -e
                    sentiment.add(stems(term + "t"), weight);
                    sentiment.add(stems(term + "e"), weight);
                }
            }
            case "intensifiers", "diminishers" -> addOnce(intensifiers, stems, number(fields, where), term, where);
            default -> {
                if (section.startsWith("intent:")) {
                    IntentKind kind = IntentKind.ofCode(section.substring("intent:".length()), where);
                    addOnce(intents, stems, kind, term, where);
                }
                else if (section.startsWith("topic:")) {
                    addOnce(topics, stems, Topic.ofCode(section.substring("topic:".length()), where), term, where);
                }
                else if (wordLists.containsKey(section)) {
                    wordLists.get(section).add(stems, Boolean.TRUE);
                }
                else {
                    throw new IllegalStateException(where + ": unknown section [" + section + "]");
                }
            }
        }
    }

    /** Adds an entry, refusing one that stems as an entry before it with another value: the first would win unseen. */
    private static <V> void addOnce(Phrases<V> phrases, String[] stems, V value, String term, String where) {
        V before = phrases.add(stems, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalStateException(where + ": '" + term + "' stems as an entry before it, whose value is "
                    + before);
        }
    }

    /**
     * Whether the text is a caseworker's note about the party: one of its first clauses opens with the party in the
     * third person ("Borger oplyste…", "Tlf.notat: Borger…", "Citizen called…"), or it holds two of the marks of a
     * note's shorthand ("Modt. anke af afg. …", "Power of attorney recv'd, logged").
     */
    boolean startsANote(List<Token> tokens) {
        Set<String> marks = new HashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            boolean opensAClause = i == 0 || tokens.get(i - 1).clause() != tokens.get(i).clause();
            if (opensAClause && tokens.get(i).clause() < NOTE_OPENING_CLAUSES && noteSubjects.at(tokens, i) != null) {
                return true;
            }
            Phrases.Match<Boolean> mark = noteMarks.at(tokens, i);
            if (mark == null) {
                i++;
                continue;
            }
            // two different marks: one written twice is one
            marks.add(tokens.subList(i, mark.end()).stream().map(Token::stem).collect(Collectors.joining(" ")));
            if (marks.size() == NOTE_MARKS) {
                return true;
            }
            i = mark.end();
        }
        return false;
    }

    /**
     * Whether word {@code at} negates: a negator, and not the first or second word of a phrase where it does not
     * ("mon ikke", "not only").
     */
    boolean negates(List<Token> tokens, int at) {
        if (negators.at(tokens, at) == null) {
            return false;
        }
        for (int start = Math.max(0, at - 1); start <= at; start++) {
            Phrases.Match<Boolean> phrase = notNegations.at(tokens, start);
            if (phrase != null && phrase.end() > at) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word among the {@code within} words before word {@code at}, in its clause, negates. */
    boolean negatedBefore(List<Token> tokens, int at, int within) {
        int clause = tokens.get(at).clause();
        for (int j = at - 1; j >= Math.max(0, at - within) && tokens.get(j).clause() == clause; j--) {
            if (negates(tokens, j)) {
                return true;
            }
        }
        return false;
    }

    /** The stems of a term's words, as a text's words are stemmed (spelling variants put right first). */
    private String[] stems(String term) {
        List<Token> tokens = Tokens.of(term, language, spelling);
        return tokens.stream().map(Token::stem).toArray(String[]::new);
    }

    private static String value(String[] fields, String where) {
        if (fields.length < 2 || fields[1].isBlank()) {
            throw new IllegalStateException(where + ": the entry needs a value after a tab");
        }
        return fields[1].strip();
    }

    private static double number(String[] fields, String where) {
        try {
            return Double.parseDouble(value(fields, where));
        }
        catch (NumberFormatException ex) {
            throw new IllegalStateException(where + ": not a number: " + fields[1], ex);
        }
    }
}
