package dk.servicepuls.platform.privacy;

import java.time.Clock;

/**
 * A party's references as ingest gives them: its reference in the event's department, and, while
 * {@code servicepuls.privacy.former-party-refs-until} is ahead, the organisation-wide reference it had before
 * per-department keys, so that what was stored under that one still links.
 */
public final class PartyReferences {

    private final Pseudonymiser pseudonymiser;
    private final PrivacyProperties properties;
    private final Clock clock;

    public PartyReferences(Pseudonymiser pseudonymiser, PrivacyProperties properties, Clock clock) {
        this.pseudonymiser = pseudonymiser;
        this.properties = properties;
        this.clock = clock;
    }

    public String ref(String department, String identifier) {
        return this.pseudonymiser.reference(department, identifier);
    }

    /** The former organisation-wide reference while the change-over lasts, else {@code null}. */
    public String formerRef(String identifier) {
        return this.properties.formerRefsAt(this.clock.instant()) ? this.pseudonymiser.organisationReference(identifier) : null;
    }
}
