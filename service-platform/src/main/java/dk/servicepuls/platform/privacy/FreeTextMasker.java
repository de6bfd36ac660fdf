package dk.servicepuls.platform.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks CPR and CVR numbers, e-mail addresses and phone numbers in free text (notes, comments, complaint texts, and every
 * string the contract does not know) before it is stored or published, in the forms people write them: grouped
 * with spaces, dots, slashes or any kind of dash, with no-break or invisible spaces, with {@code +45} or
 * {@code 0045}, with a spaced or bracketed at sign. {@link NumberFinder} and {@link EmailFinder} say exactly which
 * shapes count. Both are scanners, not regular expressions, and linear in the text: the text comes from outside.
 * <p>
 * Names cannot be found reliably in free text, which is why structured name fields are dropped at the door instead.
 * Where a shape is ambiguous the rules lean towards masking: a masked order number costs little, a leaked CPR number
 * a great deal.
 */
public final class FreeTextMasker {

    public static final String CPR_MASK = "[CPR]";
    public static final String EMAIL_MASK = "[EMAIL]";
    public static final String PHONE_MASK = "[PHONE]";
    public static final String CVR_MASK = "[CVR]";

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Region> regions = find(text);
        if (regions.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int at = 0;
        for (Region region : regions) {
            masked.append(text, at, region.start()).append(region.mask());
            at = region.end();
        }
        return masked.append(text, at, text.length()).toString();
    }

    /**
     * Whether an identifier (a case id, say) holds a CPR number or an e-mail address. Phone numbers are left out on
     * purpose: eight-digit runs are common in case numbers, and a case id is not where people write phone numbers.
     */
    public boolean containsCprOrEmail(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return false;
        }
        return find(identifier).stream().anyMatch(region -> region.mask().equals(CPR_MASK) || region.mask().equals(EMAIL_MASK));
    }

    /**
     * The mask for an integer that has the shape of a CPR number (also with its leading zero lost, as a JSON number
     * loses it) or a Danish phone number, or {@code null}.
     */
    public String maskForInteger(long value) {
        return value < 0 ? null : NumberFinder.maskForInteger(Long.toString(value));
    }

    /** The personal data in the text, in order and not overlapping: addresses first, then numbers between them. */
    private static List<Region> find(String text) {
        List<Region> addresses = new ArrayList<>(0);
        if (mayHoldAddress(text)) {
            EmailFinder.find(text, addresses);
        }
        List<Region> regions = new ArrayList<>(addresses.size());
        int from = 0;
        for (Region address : addresses) {
            NumberFinder.find(text, from, address.start(), regions);
            regions.add(address);
            from = address.end();
        }
        NumberFinder.find(text, from, text.length(), regions);
        return regions;
    }

    private static boolean mayHoldAddress(String text) {
        return text.indexOf('@') >= 0 || text.indexOf('\uFF20') >= 0 || text.indexOf('(') >= 0 || text.indexOf('[') >= 0
                || text.indexOf('{') >= 0 || text.indexOf('<') >= 0;
    }
}
