package dk.servicepuls.platform.sealing;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;

import dk.servicepuls.platform.privacy.Pseudonymiser;

/**
 * How a text key travels on {@code privacy.text-keys}: sealed (AES-256-GCM, the key's id as authenticated data)
 * under a wrapping key derived from the deployment's secret, so that whoever may read the topic but has not the
 * secret (analytics-service, a support tool) reads no text, and a key cannot be passed off under another id.
 */
final class KeyWrapping {

    private static final String SALT = "dk.servicepuls.text-keys.v1";
    private static final String INFO = "key-wrapping";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] wrappingKey;

    private KeyWrapping(byte[] wrappingKey) {
        this.wrappingKey = wrappingKey;
    }

    static KeyWrapping of(Pseudonymiser secret) {
        return new KeyWrapping(secret.derivedKey(SALT, INFO));
    }

    byte[] wrap(TextKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] wrapped = TextSeal.crypt(Cipher.ENCRYPT_MODE, wrappingKey, nonce, key.id(), key.bytes());
        return ByteBuffer.allocate(NONCE_BYTES + wrapped.length).put(nonce).put(wrapped).array();
    }

    /** The key, or empty where the bytes were not wrapped under this deployment's secret for this id. */
    Optional<TextKey> unwrap(String id, byte[] wrapped) {
        if (wrapped == null || wrapped.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            byte[] key = TextSeal.crypt(Cipher.DECRYPT_MODE, wrappingKey, Arrays.copyOf(wrapped, NONCE_BYTES), id,
                    Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length));
            return key.length == TextKey.KEY_BYTES ? Optional.of(new TextKey(id, key)) : Optional.empty();
        }
        catch (IllegalStateException notOurs) {
            return Optional.empty();
        }
    }
}
