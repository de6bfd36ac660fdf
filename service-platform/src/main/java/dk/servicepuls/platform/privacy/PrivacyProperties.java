package dk.servicepuls.platform.privacy;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pseudonymKey Base64 key material (at least 32 bytes) for party references; no default on purpose: a
 *        service that ingests personal identifiers refuses to start without it
 * @param partyRefs which key a party's reference is made under: {@code department} (the default: the same person
 *        has unrelated references in two departments) or {@code organisation} (one key: references link a person's
 *        cases across all departments; for an organisation that has decided so, with a legal basis for it)
 * @param formerPartyRefsUntil while this moment is in the future, ingested parties also carry {@code formerRef},
 *        the organisation-wide reference every party had before per-department keys, so that consumers can link new
 *        cases to what they stored before the change; unset (the default) for a new installation. Until it passes,
 *        references stay linkable across departments as they were, so keep it as short as the open cases need.
 */
@ConfigurationProperties("servicepuls.privacy")
public record PrivacyProperties(String pseudonymKey, Pseudonymiser.Scope partyRefs, Instant formerPartyRefsUntil) {

    public PrivacyProperties {
        partyRefs = partyRefs == null ? Pseudonymiser.Scope.DEPARTMENT : partyRefs;
    }

    /** Whether ingest adds the former organisation-wide reference at this moment. */
    public boolean formerRefsAt(Instant now) {
        return partyRefs == Pseudonymiser.Scope.DEPARTMENT && formerPartyRefsUntil != null && now.isBefore(formerPartyRefsUntil);
    }
}
