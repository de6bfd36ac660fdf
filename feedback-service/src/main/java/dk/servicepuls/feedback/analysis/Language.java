package dk.servicepuls.feedback.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/** The languages the analysis knows, by their ISO 639-1 code. */
public enum Language {

    DA("da", DanishStemmer::new, true),
    EN("en", EnglishStemmer::new, false);

    private final String code;
    private final Supplier<SnowballStemmer> stemmer;
    private final boolean compounds;

    Language(String code, Supplier<SnowballStemmer> stemmer, boolean compounds) {
        this.code = code;
        this.stemmer = stemmer;
        this.compounds = compounds;
    }

    public String code() {
        return code;
    }

    /** A new stemmer (they keep state, so one per thread). */
    SnowballStemmer newStemmer() {
        return stemmer.get();
    }

    /** Whether words are made by joining words (ventetid, telefonkøen): a word's last part then carries meaning. */
    boolean joinsCompounds() {
        return compounds;
    }

    /** The language of a code such as {@code da}, {@code EN} or {@code da-DK}; empty if not one of ours. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String primary = code.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        String base = dash > 0 ? primary.substring(0, dash) : primary;
        for (Language language : values()) {
            if (language.code.equals(base)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
