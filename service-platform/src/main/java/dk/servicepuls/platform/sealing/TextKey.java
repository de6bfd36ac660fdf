package dk.servicepuls.platform.sealing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A key that seals the free texts of one case: 256 random bits under an id of its own, which is never used for
 * another key, so that a text sealed under a destroyed key cannot be opened by a later key of the same case.
 *
 * @param id    128 random bits, Base64url without padding
 * @param bytes the AES-256 key
 */
public record TextKey(String id, byte[] bytes) {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 16;

    public TextKey {
        Objects.requireNonNull(id, "id");
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("A text key has " + KEY_BYTES + " bytes");
        }
    }

    /** A new key with a new id. */
    public static TextKey random() {
        byte[] id = new byte[ID_BYTES];
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(key);
        return new TextKey(Base64.getUrlEncoder().withoutPadding().encodeToString(id), key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextKey key && key.id.equals(id) && Arrays.equals(key.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never the key itself: a key in a log line would undo what destroying it does. */
    @Override
    public String toString() {
        return "TextKey[" + id + "]";
    }
}
