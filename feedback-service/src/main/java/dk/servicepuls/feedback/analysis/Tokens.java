package dk.servicepuls.feedback.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Splits a text into words with Lucene's {@link StandardTokenizer} (Unicode word boundaries) and stems them with
 * the language's Snowball stemmer. Tokenizer and stemmers keep state, so each thread has its own.
 */
final class Tokens {

    private static final String QUOTES = "'\"‘’“”«»";

    private static final ThreadLocal<Tokens> PER_THREAD = ThreadLocal.withInitial(Tokens::new);

    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
    private final Map<Language, SnowballStemmer> stemmers = new EnumMap<>(Language.class);

    private Tokens() {
        for (Language language : Language.values()) {
            stemmers.put(language, language.newStemmer());
        }
    }

    /** The words of the text in order, each with its stem in the language and its clause. */
    static List<Token> of(String text, Language language, Map<String, String> spelling) {
        return PER_THREAD.get().split(text, language, spelling);
    }

    /** A word's stem in the language, as the lexicon stems its entries. */
    static String stem(String word, Language language) {
        return PER_THREAD.get().stemOf(word.toLowerCase(Locale.ROOT), language);
    }

    private List<Token> split(String text, Language language, Map<String, String> spelling) {
        List<Token> tokens = new ArrayList<>();
        BitSet questions = new BitSet();
        int clause = 0;
        int sentence = 0;
        int lastEnd = 0;
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                int start = offset.startOffset();
                Break between = lastEnd == 0 ? Break.NONE : Break.between(text, lastEnd, start);
                if (between != Break.NONE) {
                    clause++;
                    if (between.endsSentence()) {
                        questions.set(sentence, between == Break.QUESTION);
                        sentence++;
                    }
                }
                lastEnd = offset.endOffset();
                String surface = plainApostrophes(term.toString().toLowerCase(Locale.ROOT));
                String corrected = spelling.getOrDefault(surface, surface);
                tokens.add(new Token(surface, stemOf(corrected, language), clause, sentence, false,
                        quoted(text, start, lastEnd)));
            }
            tokenizer.end();
            questions.set(sentence, Break.between(text, lastEnd, text.length()) == Break.QUESTION);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex); // a StringReader does not fail
        }
        finally {
            try {
                tokenizer.close();
            }
            catch (IOException ex) {
                // closing a StringReader does not fail either
            }
        }
        if (!questions.isEmpty()) {
            tokens.replaceAll(token -> questions.get(token.sentence()) ? token.asked() : token);
        }
        return tokens;
    }

    /** "didn’t" as "didn't": the lexicon writes the plain apostrophe, phones and word processors the curly one. */
    private static String plainApostrophes(String word) {
        return word.indexOf('\u2019') < 0 && word.indexOf('\u2018') < 0 ? word
                : word.replace('\u2019', '\'').replace('\u2018', '\'');
    }

    /** What the characters between two words (or after the last) end: nothing, a clause, a sentence or a question. */
    private enum Break {
        NONE, CLAUSE, SENTENCE, QUESTION;

        boolean endsSentence() {
            return this == SENTENCE || this == QUESTION;
        }

        static Break between(String text, int from, int to) {
            Break found = NONE;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '?') {
                    return QUESTION;
                }
                if (c == '.' || c == '!' || c == '\n') {
                    found = SENTENCE;
                }
                else if (found == NONE && (c == ';' || c == ',' || c == ':' || c == '–' || c == '—'
                        || (c == '-' && spaced(text, i)))) {
                    found = CLAUSE;
                }
            }
            return found;
        }
    }

    /** A word alone in quotation marks: 'help', "service" (scare quotes). */
    private static boolean quoted(String text, int start, int end) {
        return start > 0 && end < text.length() && QUOTES.indexOf(text.charAt(start - 1)) >= 0
                && QUOTES.indexOf(text.charAt(end)) >= 0;
    }

    /** A hyphen with a space on each side is a dash ("Wonderful - six months"), not a hyphen ("igen-igen"). */
    private static boolean spaced(String text, int at) {
        return at > 0 && at + 1 < text.length() && text.charAt(at - 1) == ' ' && text.charAt(at + 1) == ' ';
    }

    private String stemOf(String word, Language language) {
        SnowballStemmer stemmer = stemmers.get(language);
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
