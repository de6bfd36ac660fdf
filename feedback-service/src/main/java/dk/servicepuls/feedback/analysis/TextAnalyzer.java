package dk.servicepuls.feedback.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Reads a comment, a contact note or a complaint text in Danish or English (told, or guessed from its words) and
 * says its sentiment, complaint intent and topics. Thread-safe; no text is kept or logged. Only the first
 * {@link #MAX_CHARACTERS} characters are read, so that no text costs more than a bounded time.
 */
@Component
public class TextAnalyzer {

    public static final int MAX_CHARACTERS = 10_000;

    /**
     * What a complaint intent adds to the sentiment: a writer who says they will complain is not content, whatever
     * polite words they use. Not for a caseworker's note reporting it ("Borger oplyste, at hun vil klage").
     */
    private static final double THREAT = -2;

    private final Map<Language, Lexicon> lexicons = Lexicon.loadAll();

    /** Analyses the text in the language given, or the one its words suggest where none is given. */
    public TextAnalysis analyse(String text, Optional<Language> language) {
        String read = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
        Language reading = language.orElseGet(() -> LanguageGuess.of(read, Language.DA));
        Lexicon lexicon = lexicons.get(reading);
        List<Token> tokens = Tokens.of(read, reading, lexicon.spelling);
        ComplaintIntent.Result intent = ComplaintIntent.of(tokens, lexicon);
        boolean note = lexicon.startsANote(tokens);
        boolean threatens = !intent.kinds().isEmpty() && !note;
        // a note records the complaint; its words are not the caseworker's feelings
        SentimentScore.Result sentiment = SentimentScore.of(read, tokens, lexicon, threatens, threatens ? THREAT : 0,
                note, note ? intent.triggers() : new BitSet());
        List<Signal> signals = new ArrayList<>(intent.signals());
        signals.addAll(sentiment.signals());
        return new TextAnalysis(reading.code(), sentiment.label(), Math.round(sentiment.score() * 1000) / 1000.0,
                !intent.kinds().isEmpty(), intent.kinds().stream().map(IntentKind::code).toList(), signals,
                TopicTags.of(tokens, lexicon, sentiment.label().equals("positive")).stream().map(Topic::code).toList());
    }
}
