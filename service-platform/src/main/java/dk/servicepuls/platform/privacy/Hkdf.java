package dk.servicepuls.platform.privacy;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA-256 (RFC 5869): derives independent keys from one secret. The JDK has it only from 24 on
 * ({@code javax.crypto.KDF}) and the platform runs on 17; it is two HMAC steps, checked against the RFC's vectors.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA-256 gives 1 to " + 255 * HASH_BYTES + " bytes");
        }
        byte[] pseudorandomKey = hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt, inputKey);
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        for (int i = 1, at = 0; at < length; i++) {
            byte[] input = Arrays.copyOf(block, block.length + info.length + 1);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) i;
            block = hmac(pseudorandomKey, input);
            int take = Math.min(block.length, length - at);
            System.arraycopy(block, 0, output, at, take);
            at += take;
        }
        return output;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
