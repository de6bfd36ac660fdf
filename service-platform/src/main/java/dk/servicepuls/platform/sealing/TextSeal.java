package dk.servicepuls.platform.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A sealed text is a string that says what it is and which key opens it:
 * {@code sealed:v1:<key id>:<Base64url of a 96-bit nonce, then the AES-256-GCM ciphertext and tag>}. The prefix with
 * the key id is the authenticated data, so a sealed text cannot be moved under another key's id. Texts are sealed
 * after masking (no CPR, CVR, phone number or e-mail address is in them), so sealing is what lets an erasure reach
 * what masking cannot: a name or a story that still tells who wrote it.
 */
public final class TextSeal {

    static final String PREFIX = "sealed:v1:";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /**
     * A cipher per thread, initialised anew for each text: looking one up each time was a third of the cost of
     * sealing a note at ingest, and one that stays with its thread keeps the last key's schedule when the next text
     * is of the same case.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(TextSeal::newCipher);

    private TextSeal() {
    }

    public static String seal(TextKey key, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String header = PREFIX + key.id();
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key.bytes(), nonce, header, text.getBytes(StandardCharsets.UTF_8));
        return header + ':' + ENCODER.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                .put(sealed).array());
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && value.indexOf(':', PREFIX.length()) > PREFIX.length();
    }

    /** The id of the key that opens a sealed text; empty for a text that is not sealed. */
    public static Optional<String> keyId(String value) {
        return isSealed(value) ? Optional.of(value.substring(PREFIX.length(), value.indexOf(':', PREFIX.length())))
                : Optional.empty();
    }

    /**
     * The text, or empty where it was not sealed with this key, was changed, or is not a sealed text at all: a
     * damaged text is as unreadable as one whose key was destroyed, and neither may stop a consumer.
     */
    public static Optional<String> open(TextKey key, String sealed) {
        Optional<String> id = keyId(sealed);
        if (id.isEmpty() || !id.get().equals(key.id())) {
            return Optional.empty();
        }
        String header = PREFIX + key.id();
        byte[] body;
        try {
            body = DECODER.decode(sealed.substring(header.length() + 1));
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOf(body, NONCE_BYTES);
        byte[] text = Arrays.copyOfRange(body, NONCE_BYTES, body.length);
        try {
            return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, key.bytes(), nonce, header, text),
                    StandardCharsets.UTF_8));
        }
        catch (IllegalStateException changed) {
            if (changed.getCause() instanceof AEADBadTagException) {
                return Optional.empty();
            }
            throw changed;
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(CIPHER);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    static byte[] crypt(int mode, byte[] key, byte[] nonce, String associated, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        }
        catch (AEADBadTagException changed) {
            throw new IllegalStateException("The sealed bytes do not open under this key", changed);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
