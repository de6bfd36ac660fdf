package dk.servicepuls.platform.privacy;

import java.util.List;

/**
 * Finds e-mail addresses in one pass without a regular expression: at each {@code @} (also the full-width one, and
 * {@code (at)} or {@code [at]} as people write to fool harvesters, with spaces around it or not) it reads the local
 * part back to where it starts and the domain on to its last label that can be a top-level domain
 * ({@code .dk}, {@code .com}; {@code (dot)} counts as a dot). The local part never reaches back past the previous
 * {@code @}, so each character is read a bounded number of times and the work is linear in the text.
 */
final class EmailFinder {

    private static final int MAX_SPACES = 3;

    private EmailFinder() {
    }

    static void find(String text, List<Region> found) {
        int n = text.length();
        int floor = 0;
        int i = 0;
        while (i < n) {
            int at = atSign(text, i);
            if (at == 0) {
                i++;
                continue;
            }
            int localStart = localStart(text, i, floor);
            int domainEnd = localStart < 0 ? -1 : domainEnd(text, i + at);
            if (domainEnd > 0) {
                found.add(new Region(localStart, domainEnd, FreeTextMasker.EMAIL_MASK));
                i = domainEnd;
            }
            else {
                i += at;
            }
            floor = i;
        }
    }

    /** The length of the at sign at {@code i}, 0 if there is none. */
    private static int atSign(String text, int i) {
        char c = text.charAt(i);
        if (c == '@' || c == '\uFF20') {
            return 1;
        }
        return bracketed(text, i, "at");
    }

    /** {@code (word)}, {@code [word]}, {@code {word}} or {@code <word>} at {@code i}: its length, else 0. */
    private static int bracketed(String text, int i, String word) {
        char open = text.charAt(i);
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> 0;
        };
        int length = word.length() + 2;
        if (close == 0 || i + length > text.length() || text.charAt(i + length - 1) != close) {
            return 0;
        }
        return text.regionMatches(true, i + 1, word, 0, word.length()) ? length : 0;
    }

    private static int localStart(String text, int at, int floor) {
        int j = at;
        for (int spaces = 0; spaces < MAX_SPACES && j > floor && Separators.isSpace(text.charAt(j - 1)); spaces++) {
            j--;
        }
        int end = j;
        while (j > floor && isLocal(text.charAt(j - 1))) {
            j--;
        }
        while (j < end && text.charAt(j) == '.') {
            j++;
        }
        return j < end ? j : -1;
    }

    /** Where the domain after {@code from} ends at a label that can be a top-level domain, or -1. */
    private static int domainEnd(String text, int from) {
        int n = text.length();
        int j = from;
        for (int spaces = 0; spaces < MAX_SPACES && j < n && Separators.isSpace(text.charAt(j)); spaces++) {
            j++;
        }
        int labels = 0;
        int end = -1;
        while (true) {
            int labelStart = j;
            boolean letters = true;
            while (j < n && isLabel(text.charAt(j))) {
                letters &= Character.isLetter(text.charAt(j));
                j++;
            }
            if (j == labelStart) {
                return end;
            }
            labels++;
            if (labels >= 2 && letters && j - labelStart >= 2) {
                end = j;
            }
            int dot = dot(text, j);
            if (dot == 0 || j + dot >= n || !isLabel(text.charAt(j + dot))) {
                return end;
            }
            j += dot;
        }
    }

    private static int dot(String text, int i) {
        if (i >= text.length()) {
            return 0;
        }
        char c = text.charAt(i);
        return c == '.' || c == '\uFF0E' ? 1 : bracketed(text, i, "dot");
    }

    private static boolean isLocal(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean isLabel(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
