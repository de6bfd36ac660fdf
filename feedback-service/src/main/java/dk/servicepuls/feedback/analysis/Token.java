package dk.servicepuls.feedback.analysis;

/**
 * A word of the text.
 *
 * @param surface  the word as written, lower-cased, with typographic apostrophes made plain (what a signal shows)
 * @param stem     its stem, after spelling variants were put right
 * @param clause   which clause of the text it is in, counted from 0 (clauses end at . ! ? ; , : and dashes)
 * @param sentence which sentence it is in, counted from 0 (sentences end at . ! ? and line breaks)
 * @param question whether its sentence ends with a question mark
 * @param quoted   whether it stands alone in quotation marks
 */
record Token(String surface, String stem, int clause, int sentence, boolean question, boolean quoted) {

    Token asked() {
        return new Token(surface, stem, clause, sentence, true, quoted);
    }
}
