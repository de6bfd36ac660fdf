package dk.servicepuls.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A case as a department names it: the texts of one case share a key. */
public record CaseRef(String department, String caseId) {

    public CaseRef {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(caseId, "caseId");
    }

    /** The store's key of the case's text key: one-way, so that the table of keys names no case. */
    String storeKey() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("text-key\u0000" + department + '\u0000' + caseId).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
