package dk.servicepuls.platform.privacy;

/**
 * How people separate the groups of a number: spaces of every kind (no-break, thin, ideographic, line breaks), the
 * invisible characters that word processors and hostile senders put in, and one mark: a dash of any kind, a dot or
 * a slash. Digits are any Unicode decimal digit, so full-width digits are numbers too.
 */
final class Separators {

    static final int NONE = 0;
    static final int SPACE = 1;
    static final int DASH = 2;
    static final int DOT = 3;
    static final int SLASH = 4;

    private Separators() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c > 127 && Character.isDigit(c);
    }

    static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : Character.digit(c, 10);
    }

    static boolean isSpace(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c);
    }

    /** Zero-width spaces and joiners, the word joiner, the byte-order mark and the soft hyphen. */
    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** The mark a character is, or {@link #NONE}. */
    static int mark(char c) {
        if (c == '-' || c == '\u2212' || c == '\u2043' || c > 127 && Character.getType(c) == Character.DASH_PUNCTUATION) {
            return DASH;
        }
        if (c == '.' || c == '\u00B7' || c == '\u2024' || c == '\u2027' || c == '\uFF0E') {
            return DOT;
        }
        if (c == '/' || c == '\\' || c == '\u2044' || c == '\u2215' || c == '\uFF0F') {
            return SLASH;
        }
        return NONE;
    }

    static boolean isPlus(char c) {
        return c == '+' || c == '\uFF0B';
    }
}
