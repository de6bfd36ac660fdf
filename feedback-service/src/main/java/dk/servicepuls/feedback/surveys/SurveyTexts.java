package dk.servicepuls.feedback.surveys;

import java.util.Map;

/**
 * The page's words in Danish (the default) and English, in plain language; a department may word any of them its
 * own way ({@link SurveyProperties#texts()}).
 */
final class SurveyTexts {

    static final Map<String, String> DA = Map.ofEntries(
            Map.entry("title", "Hvordan gik det?"),
            Map.entry("intro", "Fortæl os, hvordan din kontakt med os gik. Det tager et minut. Du kan springe spørgsmål over."),
            Map.entry("csat", "Hvor tilfreds er du med hjælpen, du fik?"),
            Map.entry("csat.low", "Meget utilfreds"),
            Map.entry("csat.high", "Meget tilfreds"),
            Map.entry("ces", "Hvor let var det at få hjælp til det, du havde brug for?"),
            Map.entry("ces.low", "Meget let"),
            Map.entry("ces.high", "Meget svært"),
            Map.entry("nps", "Hvor sandsynligt er det, at du vil anbefale os til andre i samme situation?"),
            Map.entry("nps.low", "Slet ikke sandsynligt"),
            Map.entry("nps.high", "Meget sandsynligt"),
            Map.entry("comment", "Vil du fortælle mere? (valgfrit)"),
            Map.entry("comment.hint", "Skriv ikke CPR-nummer eller andre personlige oplysninger."),
            Map.entry("send", "Send svar"),
            Map.entry("errors", "Der er noget, du skal rette"),
            Map.entry("error.empty", "Svar på mindst ét spørgsmål, eller skriv en kommentar."),
            Map.entry("error.range", "Vælg et af svarene."),
            Map.entry("error.long", "Kommentaren må højst være 4000 tegn."),
            Map.entry("thanks.title", "Tak for dit svar"),
            Map.entry("thanks.text", "Vi bruger svarene til at blive bedre. Du kan lukke siden nu."),
            Map.entry("used.title", "Du har allerede svaret"),
            Map.entry("used.text", "Linket kan kun bruges én gang, og der er allerede svaret med det. Tak for din hjælp."),
            Map.entry("expired.title", "Linket er udløbet"),
            Map.entry("expired.text", "Undersøgelsen er lukket. Har du spørgsmål til din sag, så kontakt os som du plejer."),
            Map.entry("unknown.title", "Linket virker ikke"),
            Map.entry("unknown.text", "Tjek, at du har hele linket med. Har du spørgsmål, så kontakt os som du plejer."),
            Map.entry("other-language", "Read in English"),
            Map.entry("of", "af"));

    static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "How did it go?"),
            Map.entry("intro", "Tell us how your contact with us went. It takes a minute. You can skip questions."),
            Map.entry("csat", "How satisfied are you with the help you got?"),
            Map.entry("csat.low", "Very dissatisfied"),
            Map.entry("csat.high", "Very satisfied"),
            Map.entry("ces", "How easy was it to get help with what you needed?"),
            Map.entry("ces.low", "Very easy"),
            Map.entry("ces.high", "Very difficult"),
            Map.entry("nps", "How likely are you to recommend us to others in the same situation?"),
            Map.entry("nps.low", "Not at all likely"),
            Map.entry("nps.high", "Very likely"),
            Map.entry("comment", "Would you like to tell us more? (optional)"),
            Map.entry("comment.hint", "Please do not write your CPR number or other personal details."),
            Map.entry("send", "Send answer"),
            Map.entry("errors", "There is something to correct"),
            Map.entry("error.empty", "Answer at least one question, or write a comment."),
            Map.entry("error.range", "Choose one of the answers."),
            Map.entry("error.long", "The comment can be at most 4000 characters."),
            Map.entry("thanks.title", "Thank you for your answer"),
            Map.entry("thanks.text", "We use the answers to improve. You can close this page now."),
            Map.entry("used.title", "You have already answered"),
            Map.entry("used.text", "The link works only once, and it has been used. Thank you for your help."),
            Map.entry("expired.title", "The link has expired"),
            Map.entry("expired.text", "The survey is closed. If you have questions about your case, contact us as usual."),
            Map.entry("unknown.title", "The link does not work"),
            Map.entry("unknown.text", "Check that you have the whole link. If you have questions, contact us as usual."),
            Map.entry("other-language", "Læs på dansk"),
            Map.entry("of", "of"));

    private SurveyTexts() {
    }

    static Map<String, String> of(String language) {
        return "en".equals(language) ? EN : DA;
    }

    /** The words in the language, with the department's own where it has them. */
    static Map<String, String> of(String language, String department, SurveyProperties properties) {
        Map<String, Map<String, Map<String, String>>> texts = properties.texts();
        Map<String, String> own = texts == null || department == null || !texts.containsKey(department) ? null
                : texts.get(department).get(language);
        if (own == null || own.isEmpty()) {
            return of(language);
        }
        Map<String, String> merged = new java.util.HashMap<>(of(language));
        own.forEach((key, text) -> {
            if (merged.containsKey(key)) {
                merged.put(key, text);
            }
        });
        return Map.copyOf(merged);
    }
}
