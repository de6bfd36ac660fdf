package dk.servicepuls.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of a department's chain.
 *
 * @param seq          1, 2, … within the department, without gaps
 * @param actor        the caseworker id, or {@code sub-} and a one-way hash of the token's subject
 * @param action       the method and the route, e.g. {@code POST /api/v1/tasks/{taskId}/claim}
 * @param status       the HTTP status the caller got
 * @param previousHash the hash of entry {@code seq − 1}; {@value #GENESIS} for the first
 * @param hash         SHA-256 over the entry's content and {@code previousHash}
 */
public record AuditEntry(String department, long seq, Instant at, String actor, String roles, String action, int status,
        String taskId, String caseId, String previousHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    /** What a request did, before it has its place in the chain. */
    public record Draft(String department, String actor, String roles, String action, int status, String taskId,
            String caseId) {
    }

    static AuditEntry next(long previousSeq, String previousHash, Draft draft, Instant at) {
        // the store keeps milliseconds: a finer time would not hash the same when read back
        AuditEntry unsealed = new AuditEntry(draft.department(), previousSeq + 1, at.truncatedTo(ChronoUnit.MILLIS),
                draft.actor(), draft.roles(),
                draft.action(), draft.status(), draft.taskId(), draft.caseId(), previousHash, null);
        return unsealed.withHash(unsealed.computeHash());
    }

    /** The hash the entry's content and its link to the one before should have. */
    String computeHash() {
        return sha256(String.join("\n", department, Long.toString(seq), at.toString(), actor, roles, action,
                Integer.toString(status), String.valueOf(taskId), String.valueOf(caseId), previousHash));
    }

    /** SHA-256 of the text's UTF-8, in hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    boolean sealed() {
        return hash != null && hash.equals(computeHash());
    }

    private AuditEntry withHash(String hash) {
        return new AuditEntry(department, seq, at, actor, roles, action, status, taskId, caseId, previousHash, hash);
    }
}
