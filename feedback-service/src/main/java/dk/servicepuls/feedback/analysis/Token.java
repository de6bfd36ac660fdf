package dk.servicepuls.feedback.analysis;

/**
 * A word of the text.
 *
 * @param surface the word as written, lower-cased (what a signal shows)
 * @param stem    its stem, after spelling variants were put right
 * @param clause   which clause of the text it is in, counted from 0 (clauses end at . ! ? ; , : and dashes – —)
 * @param question whether its sentence ends with a question mark
 * @param quoted   whether it stands alone in quotation marks
 */
record Token(String surface, String stem, int clause, boolean question, boolean quoted) {

    Token asked() {
        return new Token(surface, stem, clause, true, quoted);
    }
}
