package dk.servicepuls.platform.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks CPR numbers, e-mail addresses and phone numbers in free text (notes, comments, complaint texts) before it is
 * stored or published. Names cannot be found reliably in free text, which is why structured name fields are dropped
 * at the door instead. The patterns lean towards masking too much: a masked order number costs little, a leaked CPR
 * number a great deal.
 */
public final class FreeTextMasker {

    public static final String CPR_MASK = "[CPR]";
    public static final String EMAIL_MASK = "[EMAIL]";
    public static final String PHONE_MASK = "[PHONE]";

    private record Rule(Pattern pattern, String mask) {
    }

    // Order matters: CPR numbers (ten digits, optional separator after six) go first, or the phone rule would eat
    // eight of their digits and leave two behind.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![\\d+])\\d{6}[\\s-]?\\d{4}(?!\\d)"), CPR_MASK),
            // a local part starts only where its run of characters starts (the lookbehind) and takes them all
            // (possessive): tried from every position of a long run instead, it made masking quadratic
            new Rule(Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"), EMAIL_MASK),
            // Danish numbers as people write them: 12345678, 12 34 56 78, 1234 5678, with or without +45/0045.
            // Dates (2026-11-23, 23.11.2026) and case numbers (BS-2026-0042) do not fit these groupings.
            new Rule(Pattern.compile("(?<![\\d+])(?:(?:\\+|00)45[\\s-]?)?(?:\\d{8}|\\d{2}(?:[\\s.-]\\d{2}){3}|\\d{4}\\s\\d{4})(?!\\d)"),
                    PHONE_MASK),
            new Rule(Pattern.compile("(?<!\\d)\\+\\d{1,3}[\\s.-]?\\d[\\d\\s.-]{6,14}\\d(?!\\d)"), PHONE_MASK));

    /**
     * Whether an identifier (a case id, say) holds a CPR number or an e-mail address. Phone numbers are left out on
     * purpose: eight-digit runs are common in case numbers, and a case id is not where people write phone numbers.
     */
    public boolean containsCprOrEmail(String identifier) {
        return RULES.get(0).pattern().matcher(identifier).find() || RULES.get(1).pattern().matcher(identifier).find();
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.mask());
        }
        return masked;
    }
}
