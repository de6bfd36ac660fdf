package dk.servicepuls.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a party identifier (CPR, CVR or a local id) into a keyed pseudonym: HMAC-SHA-256 under a secret key.
 * The same identifier always gives the same reference, so a party's cases can be linked without storing who they
 * are; without the key the reference cannot be reversed or recomputed from a guessed CPR number.
 */
public final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final SecretKeySpec key;

    private Pseudonymiser(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param base64Key at least 32 bytes of key material, Base64-encoded
     * @throws IllegalArgumentException with a message that never contains the key
     */
    public static Pseudonymiser fromBase64Key(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("No pseudonymisation key is configured: set servicepuls.privacy.pseudonym-key "
                    + "(env SERVICEPULS_PSEUDONYM_KEY) to at least " + MINIMUM_KEY_BYTES + " random bytes, Base64-encoded, "
                    + "e.g. from `openssl rand -base64 32`");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The pseudonymisation key is not valid Base64");
        }
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("The pseudonymisation key must be at least " + MINIMUM_KEY_BYTES
                    + " bytes; it is " + bytes.length);
        }
        return new Pseudonymiser(bytes);
    }

    /** The party reference for an identifier; spaces and hyphens do not matter ("010190-1234" = "0101901234"). */
    public String reference(String identifier) {
        String canonical = identifier.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
