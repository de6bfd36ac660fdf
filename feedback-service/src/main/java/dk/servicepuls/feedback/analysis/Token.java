package dk.servicepuls.feedback.analysis;

/**
 * A word of the text.
 *
 * @param surface the word as written, lower-cased (what a signal shows)
 * @param stem    its stem, after spelling variants were put right
 * @param clause   which clause of the text it is in, counted from 0 (clauses end at . ! ? ; , :)
 * @param question whether its clause ends with a question mark
 */
record Token(String surface, String stem, int clause, boolean question) {
}
