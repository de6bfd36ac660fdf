package dk.servicepuls.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a party identifier (CPR, CVR or a local id) into a keyed pseudonym: HMAC-SHA-256 under a secret key. The
 * same identifier always gives the same reference under the same key, so a party's cases can be linked without
 * storing who they are; without the key the reference cannot be reversed or recomputed from a guessed CPR number.
 * <p>
 * By default each department has a key of its own, derived from the one secret with HKDF and the department code,
 * so the same person's references in two departments are unrelated: nobody who can read two departments' data can
 * tell that they share a citizen. An organisation that has decided that its departments may link a person's cases
 * sets {@link Scope#ORGANISATION}: one key for all, which is also how every reference was made before.
 */
public final class Pseudonymiser {

    /** Which key a reference is made under. */
    public enum Scope {
        /** a key per department (the default) */
        DEPARTMENT,
        /** one key for the whole organisation: references link a person across departments */
        ORGANISATION
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;
    private static final byte[] SALT = "dk.servicepuls.party-ref.v2".getBytes(StandardCharsets.UTF_8);
    // department codes are short and few; the bound only keeps a flood of made-up codes from growing the cache
    private static final int MAX_CACHED_DEPARTMENTS = 10_000;

    private final byte[] secret;
    private final SecretKeySpec organisationKey;
    private final Scope scope;
    private final Map<String, SecretKeySpec> departmentKeys = new ConcurrentHashMap<>();

    private Pseudonymiser(byte[] secret, Scope scope) {
        this.secret = secret;
        this.organisationKey = new SecretKeySpec(secret, ALGORITHM);
        this.scope = scope;
    }

    /** A pseudonymiser with a key per department. */
    public static Pseudonymiser fromBase64Key(String base64Key) {
        return fromBase64Key(base64Key, Scope.DEPARTMENT);
    }

    /**
     * @param base64Key at least 32 bytes of key material, Base64-encoded
     * @throws IllegalArgumentException with a message that never contains the key
     */
    public static Pseudonymiser fromBase64Key(String base64Key, Scope scope) {
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
        return new Pseudonymiser(bytes, scope == null ? Scope.DEPARTMENT : scope);
    }

    /**
     * A key for another purpose, derived from the same secret with HKDF under a salt of its own (for example the
     * key that wraps the text keys on {@code privacy.text-keys}), so that a deployment keeps one secret and no
     * derived key tells anything of another.
     */
    public byte[] derivedKey(String salt, String info) {
        return Hkdf.derive(this.secret, salt.getBytes(StandardCharsets.UTF_8), info.getBytes(StandardCharsets.UTF_8),
                MINIMUM_KEY_BYTES);
    }

    public Scope scope() {
        return this.scope;
    }

    /**
     * The party's reference in a department, under the key the scope says. Spaces and hyphens in the identifier do
     * not matter ("010190-1234" = "0101901234").
     */
    public String reference(String department, String identifier) {
        return this.scope == Scope.ORGANISATION ? organisationReference(identifier) : hmac(departmentKey(department), identifier);
    }

    /** The reference under the one organisation-wide key: {@link Scope#ORGANISATION}'s, and every reference made before. */
    public String organisationReference(String identifier) {
        return hmac(this.organisationKey, identifier);
    }

    private SecretKeySpec departmentKey(String department) {
        SecretKeySpec key = this.departmentKeys.get(department);
        if (key != null) {
            return key;
        }
        key = new SecretKeySpec(Hkdf.derive(this.secret, SALT, ("department:" + department).getBytes(StandardCharsets.UTF_8),
                MINIMUM_KEY_BYTES), ALGORITHM);
        if (this.departmentKeys.size() < MAX_CACHED_DEPARTMENTS) {
            this.departmentKeys.put(department, key);
        }
        return key;
    }

    private static String hmac(SecretKeySpec key, String identifier) {
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
