package dk.servicepuls.platform.privacy;

import static dk.servicepuls.platform.privacy.Separators.DASH;
import static dk.servicepuls.platform.privacy.Separators.NONE;
import static dk.servicepuls.platform.privacy.Separators.SLASH;
import static dk.servicepuls.platform.privacy.Separators.SPACE;

import java.util.Arrays;
import java.util.List;

/**
 * Finds CPR and phone numbers in one left-to-right pass. Text is read as runs of digit groups joined by a short
 * separator (spaces, or one dash, dot or slash with spaces around it), and each run is matched group by group
 * against the shapes below, so the work is linear in the text whatever it holds.
 * <ul>
 * <li>CPR: ten digits in at most four groups of two or more ({@code 0101901234}, {@code 010190-1234},
 * {@code 0101 90 1234}, {@code 01.01.90-1234}) whose first six are a day (01-31, or 61-91 for a substitute number)
 * and a month. Found anywhere, also inside a case number.</li>
 * <li>CVR: eight digits (grouped as a phone number may be) with the word CVR at most twelve characters before
 * them ({@code CVR-nr.: 12345678}).</li>
 * <li>A phone number with a country code: {@code +} or {@code 00} and, for Denmark ({@code 45}), exactly eight more
 * digits in any grouping; for another country 8 to 15 digits in all.</li>
 * <li>A Danish number without one, as the numbering plan has them (eight digits from 2-9; grouped with spaces,
 * from 1-9) and as people group them: {@code 29871634}, {@code 2987 1634}, {@code 2987-1634}, {@code 29 87 16 34} (one kind of separator
 * throughout), {@code 2987 16 34}; and {@code 4529871634}. Not when it reads as a date ({@code 2026-11-23}), a
 * year range or a year and serial ({@code 2025-2026}, {@code 2026-0042}).</li>
 * </ul>
 * Digits that are the end of a longer token are not a number of their own: see {@link #embedded}. This keeps
 * UUIDs, hashes and case numbers ({@code SAG-20260042}) whole.
 */
final class NumberFinder {

    private static final int MAX_GAP = 5;
    private static final int MAX_CPR_GROUPS = 4;
    private static final int MAX_INTERNATIONAL_DIGITS = 15;
    private static final int MAX_INTERNATIONAL_GROUPS = 8;
    private static final int CVR_WORD_REACH = 12;
    private static final List<String> NAMING_WORDS = List.of("cpr", "tlf", "tel", "mobil", "mob", "phone", "fon");

    private final String text;
    private final List<Region> found;
    private int from;

    // the current run: group g spans text [start[g], end[g]), its digits are digits[offset[g] .. offset[g + 1]),
    // and gap[g] is the kind of separator before it
    private int count;
    private int[] start = new int[8];
    private int[] end = new int[8];
    private int[] gap = new int[8];
    private int[] offset = new int[9];
    private final StringBuilder digits = new StringBuilder();
    private boolean[] tight = new boolean[8];
    private int firstTokenEnd;
    private int lastTokenStart;
    private boolean gluedBefore;
    private boolean joinedBefore;
    private boolean gluedAfter;
    private boolean joinedAfter;

    private NumberFinder(String text, List<Region> found) {
        this.text = text;
        this.found = found;
    }

    /** Adds the numbers in {@code text[from, to)} to {@code found}, in order. */
    static void find(String text, int from, int to, List<Region> found) {
        new NumberFinder(text, found).scan(from, to);
    }

    /** The mask for an integer written as plain digits (no sign), or {@code null} if it has no personal shape. */
    static String maskForInteger(String plainDigits) {
        int length = plainDigits.length();
        if (length == 10 && cprDate(plainDigits, 0) || length == 9 && cprDate("0" + plainDigits, 0)) {
            return FreeTextMasker.CPR_MASK;
        }
        if (length == 8 && subscriberStart(plainDigits.charAt(0))
                || length == 10 && plainDigits.startsWith("45") && subscriberStart(plainDigits.charAt(2))) {
            return FreeTextMasker.PHONE_MASK;
        }
        return null;
    }

    private void scan(int from, int to) {
        this.from = from;
        int i = from;
        while (i < to) {
            if (Separators.isDigit(text.charAt(i))) {
                i = readRun(i, to);
                readEdges(to);
                matchRun();
            }
            else {
                i++;
            }
        }
    }

    /** Reads the run of groups that starts at {@code i}; returns where its last group ends. */
    private int readRun(int i, int to) {
        count = 0;
        digits.setLength(0);
        int kind = NONE;
        boolean tightGap = false;
        int j = i;
        while (true) {
            int groupStart = j;
            while (j < to && Separators.isDigit(text.charAt(j))) {
                digits.append((char) ('0' + Separators.digit(text.charAt(j))));
                j++;
            }
            add(groupStart, j, kind, tightGap);
            int k = j;
            int mark = NONE;
            while (k < to && k - j < MAX_GAP) {
                char c = text.charAt(k);
                int m;
                if (Separators.isSpace(c)) {
                    k++;
                }
                else if (mark == NONE && (m = Separators.mark(c)) != NONE) {
                    mark = m;
                    k++;
                }
                else {
                    break;
                }
            }
            if (k == j || k >= to || !Separators.isDigit(text.charAt(k))) {
                return j;
            }
            kind = mark == NONE ? SPACE : mark;
            tightGap = mark != NONE && k - j == 1;
            j = k;
        }
    }

    private void add(int groupStart, int groupEnd, int kind, boolean tightGap) {
        if (count == start.length) {
            tight = Arrays.copyOf(tight, count * 2);
            start = Arrays.copyOf(start, count * 2);
            end = Arrays.copyOf(end, count * 2);
            gap = Arrays.copyOf(gap, count * 2);
            offset = Arrays.copyOf(offset, count * 2 + 1);
        }
        start[count] = groupStart;
        end[count] = groupEnd;
        gap[count] = kind;
        tight[count] = tightGap;
        count++;
        offset[count] = digits.length();
    }

    private void matchRun() {
        int g = 0;
        while (g < count) {
            int used = international(g);
            if (used == 0) {
                used = cpr(g);
            }
            if (used == 0) {
                used = cvr(g);
            }
            if (used == 0) {
                used = danishPhone(g);
            }
            g += Math.max(used, 1);
        }
    }

    /**
     * A phone number with a country code from group {@code g}: {@code +} before the run, or {@code 00} at the start
     * of any group (a number written after another one, {@code 29871634.001631544635}, has its prefix too). The
     * number of groups it takes, or 0.
     */
    private int international(int g) {
        boolean plus = g == 0 && start[0] > from && Separators.isPlus(text.charAt(start[0] - 1));
        int first;
        if (plus) {
            first = offset[g];
        }
        else if (length(g) >= 2 && digits.charAt(offset[g]) == '0' && digits.charAt(offset[g] + 1) == '0') {
            first = offset[g] + 2;
        }
        else {
            return 0;
        }
        if (first >= digits.length() || digits.charAt(first) == '0') {
            return 0;
        }
        boolean danish = digits.length() > first + 1 && digits.charAt(first) == '4' && digits.charAt(first + 1) == '5';
        int last = -1;
        for (int k = g; k < count && k <= g + MAX_INTERNATIONAL_GROUPS; k++) {
            int total = offset[k + 1] - first;
            if (danish ? total > 10 : total > MAX_INTERNATIONAL_DIGITS) {
                break;
            }
            if (danish ? total == 10 : total >= 8) {
                last = k;
            }
        }
        if (last < 0 || !plus && embedded(g, last, true)) {
            return 0;
        }
        found.add(new Region(plus ? start[0] - 1 : start[g], end[last], FreeTextMasker.PHONE_MASK));
        return last - g + 1;
    }

    private int cpr(int g) {
        int total = 0;
        for (int k = g; k < count && k < g + MAX_CPR_GROUPS; k++) {
            if (length(k) < 2) {
                return 0;
            }
            total += length(k);
            if (total == 10) {
                return cprDate(digits, offset[g]) && !embedded(g, k, false) ? mark(g, k, FreeTextMasker.CPR_MASK) : 0;
            }
            if (total > 10) {
                return 0;
            }
        }
        return 0;
    }

    /** A CVR number is eight digits like a phone number; only the word before it tells them apart. */
    private int cvr(int g) {
        if (!saysCvr(start[g])) {
            return 0;
        }
        int groups = length(g) == 8 ? 1 : lengths(g, 4, 4) ? 2 : lengths(g, 2, 2, 2, 2) ? 4 : 0;
        return groups == 0 || digits.charAt(offset[g]) == '0' ? 0 : mark(g, g + groups - 1, FreeTextMasker.CVR_MASK);
    }

    private boolean saysCvr(int before) {
        int earliest = Math.max(from, before - CVR_WORD_REACH);
        for (int i = before - 3; i >= earliest; i--) {
            if (text.regionMatches(true, i, "cvr", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private int danishPhone(int g) {
        int last = danishPhoneEnd(g);
        return last < 0 || embedded(g, last, true) ? 0 : mark(g, last, FreeTextMasker.PHONE_MASK);
    }

    /** The last group of a Danish phone number that starts at group {@code g}, or -1. */
    private int danishPhoneEnd(int g) {
        int length = length(g);
        char first = digits.charAt(offset[g]);
        if (length == 8) {
            return subscriberStart(first) ? g : -1;
        }
        if (length == 10) {
            return first == '4' && digits.charAt(offset[g] + 1) == '5' && subscriberStart(digits.charAt(offset[g] + 2)) ? g : -1;
        }
        // grouped with spaces, any first digit but 0 counts: that is how people write made-up and foreign-style
        // numbers too (12 34 56 78); with dots or dashes only the numbering plan's, as IP addresses and times have those
        boolean spaced = g + 1 < count && gap[g + 1] == SPACE;
        if (first == '0' || !spaced && !subscriberStart(first)) {
            return -1;
        }
        if (length == 4 && lengths(g, 4, 4)) {
            int kind = gap[g + 1];
            return kind == SPACE || kind == DASH && !yearRangeOrSerial(g) ? g + 1 : -1;
        }
        if (length == 4 && lengths(g, 4, 2, 2)) {
            int kind = gap[g + 1];
            return kind == gap[g + 2] && (kind == SPACE || kind == DASH && !isoDate(g)) ? g + 2 : -1;
        }
        if (length == 2 && lengths(g, 2, 2, 2, 2)) {
            int kind = gap[g + 1];
            return kind != SLASH && kind == gap[g + 2] && kind == gap[g + 3] ? g + 3 : -1;
        }
        return -1;
    }

    private int mark(int firstGroup, int lastGroup, String mask) {
        found.add(new Region(start[firstGroup], end[lastGroup], mask));
        return lastGroup - firstGroup + 1;
    }

    private int length(int g) {
        return offset[g + 1] - offset[g];
    }

    private boolean lengths(int g, int... expected) {
        if (g + expected.length > count) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (length(g + k) != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether groups {@code first..last} are the end of a longer token rather than a number of their own: glued to a
     * letter (hex in a UUID {@code 6d230512-1234-4ae2}, a code {@code AB12345678}), or, for phone numbers, joined by a
     * dash, underscore or slash to a letter or digit ({@code SAG-20260042}, UUID groups {@code c-3361-4290-80f4}). A
     * word that names the number ({@code cpr0101901234}, {@code tlf29871634}) does not count as glue.
     */
    private boolean embedded(int first, int last, boolean joined) {
        return first <= firstTokenEnd && (gluedBefore || joined && joinedBefore)
                || last >= lastTokenStart && (gluedAfter || joined && joinedAfter);
    }

    /**
     * The run's edges and its first and last token: groups joined by a single mark and nothing else
     * ({@code 20112811-825} in {@code 20112811-825a-...}) are one token, and glue at its edge holds for all of it.
     */
    private void readEdges(int to) {
        firstTokenEnd = 0;
        while (firstTokenEnd + 1 < count && tight[firstTokenEnd + 1]) {
            firstTokenEnd++;
        }
        lastTokenStart = count - 1;
        while (lastTokenStart > 0 && tight[lastTokenStart]) {
            lastTokenStart--;
        }
        int before = start[0] - 1;
        char b = before >= from ? text.charAt(before) : ' ';
        gluedBefore = Character.isLetter(b) && !namingWordEndsAt(before);
        joinedBefore = isJoiner(b) && before - 1 >= from && Character.isLetterOrDigit(text.charAt(before - 1));
        int after = end[count - 1];
        char a = after < to ? text.charAt(after) : ' ';
        gluedAfter = Character.isLetter(a);
        joinedAfter = isJoiner(a) && after + 1 < to && Character.isLetterOrDigit(text.charAt(after + 1));
    }

    private boolean namingWordEndsAt(int last) {
        for (String word : NAMING_WORDS) {
            int first = last - word.length() + 1;
            if (first >= from && text.regionMatches(true, first, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '_' || c == '/';
    }

    private boolean yearRangeOrSerial(int g) {
        return isYear(g) && (digits.charAt(offset[g + 1]) == '0' || isYear(g + 1));
    }

    private boolean isoDate(int g) {
        int month = number(offset[g + 1], 2);
        int day = number(offset[g + 2], 2);
        return isYear(g) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private boolean isYear(int g) {
        int year = number(offset[g], 4);
        return year >= 1900 && year <= 2099;
    }

    private int number(int at, int length) {
        int value = 0;
        for (int i = at; i < at + length; i++) {
            value = value * 10 + digits.charAt(i) - '0';
        }
        return value;
    }

    private static boolean subscriberStart(char digit) {
        return digit >= '2' && digit <= '9';
    }

    private static boolean cprDate(CharSequence digits, int at) {
        int day = (digits.charAt(at) - '0') * 10 + digits.charAt(at + 1) - '0';
        int month = (digits.charAt(at + 2) - '0') * 10 + digits.charAt(at + 3) - '0';
        return (day >= 1 && day <= 31 || day >= 61 && day <= 91) && month >= 1 && month <= 12;
    }
}
