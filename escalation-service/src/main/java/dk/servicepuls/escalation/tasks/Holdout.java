package dk.servicepuls.escalation.tasks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.stereotype.Component;

/**
 * Picks the control group: a configured share of eligible cases gets no call, so analytics can compare complaint
 * rates with and without one. The pick hashes the case, not a random draw, so a redelivered or replayed event
 * decides the same, and a case's later decisions fall on the same side as its first.
 */
@Component
class Holdout {

    private final double share;

    Holdout(TasksProperties properties) {
        this.share = properties.holdoutShare();
    }

    boolean isControl(String department, String caseId) {
        if (share <= 0.0) {
            return false;
        }
        return position(department, caseId) < share;
    }

    /** Where the case falls in [0, 1): the first 53 bits of SHA-256 over department and case id. */
    static double position(String department, String caseId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((department + "/" + caseId).getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
