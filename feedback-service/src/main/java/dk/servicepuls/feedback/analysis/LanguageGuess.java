package dk.servicepuls.feedback.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Danish from English by their most common short words and by æ, ø and å. Citizen texts are short and often
 * informal, where letter statistics are weak; a handful of function words is what even a two-word text has.
 * Undecided (no such word at all), the caller's default holds: Danish, the language of the platform's users.
 */
final class LanguageGuess {

    private static final Set<String> DANISH = Set.of("og", "jeg", "det", "er", "ikke", "en", "et", "på",
            "til", "med", "har", "som", "af", "den", "var", "mig", "de", "vi", "om", "så", "men", "kan", "fik",
            "hvor", "efter", "meget", "også", "blev", "der", "min", "mit", "jeres", "tak", "ingen", "nu", "skal",
            "vil", "hvad", "hvorfor", "mere", "godt", "fint", "dårligt", "helt", "aldrig", "altid", "sagen",
            "kommunen", "svar", "hjælp", "ikk", "lidt", "tid", "dag", "uger", "måneder", "hej", "venlig");

    private static final Set<String> ENGLISH = Set.of("the", "and", "it", "is", "not", "a", "to", "with", "have",
            "has", "of", "was", "we", "my", "you", "your", "on", "but", "can", "got", "after", "very", "also",
            "been", "this", "that", "thank", "thanks", "no", "now", "will", "would", "are", "be", "what", "why",
            "more", "good", "bad", "never", "always", "case", "council", "answer", "help", "little", "time",
            "day", "weeks", "months", "hi", "please", "they", "she", "he", "our", "just", "again", "still", "all",
            "so", "too", "i'm", "it's", "don't", "didn't", "doesn't", "really", "an", "from", "about", "were", "their",
            "any", "could", "should", "who", "when", "how", "do", "did", "get", "there", "here");

    private LanguageGuess() {
    }

    static Language of(String text, Language undecided) {
        int danish = 0;
        int english = 0;
        int length = text.length();
        int start = -1;
        for (int i = 0; i <= length; i++) {
            boolean letter = i < length && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            }
            else if (!letter && start >= 0) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (DANISH.contains(word)) {
                    danish++;
                }
                if (ENGLISH.contains(word)) {
                    english++;
                }
                if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0 || word.indexOf('å') >= 0) {
                    danish += 2;
                }
                start = -1;
            }
        }
        if (danish == english) {
            return undecided;
        }
        return danish > english ? Language.DA : Language.EN;
    }
}
