package dk.servicepuls.feedback.analysis;

/**
 * Words of the text that counted, and for what: a complaint intent's kind ({@code complaint}, {@code appeal},
 * {@code ombudsman}, {@code lawyer}, {@code press}, {@code escalation}) or a sentiment ({@code positive},
 * {@code negative}). The words are the lexicon's, as the writer wrote them, so they carry no personal data of
 * their own.
 */
public record Signal(String kind, String words) {
}
