package dk.servicepuls.analytics.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A one-way key of a department's case id. Analytics groups a case's events but never shows or looks up one case, so
 * it keeps no case id: 128 bits of SHA-256 over department and case id tell cases apart (a collision among a
 * country's cases is beyond any realistic count) and name none.
 */
public final class CaseKeys {

    private CaseKeys() {
    }

    public static String of(String department, String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(((department == null ? "" : department) + "\u0000" + caseId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
