package dk.servicepuls.feedback.surveys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The survey link's token: the invitation id and the expiry, signed with HMAC-SHA256 under the configured key, in
 * URL-safe Base64. Nothing personal is in it; a forged or changed token fails the signature, and whether it was used
 * is the invitation's state in the store (single use).
 */
final class SurveyTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 200;

    record Verified(String invitationId, Instant expiresAt) {
    }

    private final SecretKeySpec key;

    SurveyTokens(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("servicepuls.surveys.token-key must be set to a secret of at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String sign(String invitationId, Instant expiresAt) {
        String payload = ENCODE.encodeToString((invitationId + "|" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The token's invitation and expiry if its signature holds (expired or not); empty for anything else. */
    Optional<Verified> verify(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String decoded = new String(DECODE.decode(payload), StandardCharsets.UTF_8);
            int bar = decoded.lastIndexOf('|');
            return Optional.of(new Verified(decoded.substring(0, bar),
                    Instant.ofEpochSecond(Long.parseLong(decoded.substring(bar + 1)))));
        }
        catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
