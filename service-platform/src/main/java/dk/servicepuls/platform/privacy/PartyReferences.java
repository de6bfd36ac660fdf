package dk.servicepuls.platform.privacy;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

/**
 * A party's references as ingest gives them: its reference in the event's department (computed, or kept in a table
 * under the computed one where the service keeps them: {@link KeptReferences}), and, while
 * {@code servicepuls.privacy.former-party-refs-until} is ahead, the organisation-wide reference it had before
 * per-department keys, so that what was stored under that one still links.
 */
public final class PartyReferences {

    private final Pseudonymiser pseudonymiser;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final KeptReferences kept;

    /** References computed from the identifier: the same identifier gives the same reference for good. */
    public PartyReferences(Pseudonymiser pseudonymiser, PrivacyProperties properties, Clock clock) {
        this(pseudonymiser, properties, clock, null);
    }

    /** References kept in a table, found by the computed one: forgetting an entry makes its reference unlinkable. */
    public PartyReferences(Pseudonymiser pseudonymiser, PrivacyProperties properties, Clock clock, KeptReferences kept) {
        this.pseudonymiser = pseudonymiser;
        this.properties = properties;
        this.clock = clock;
        this.kept = kept;
    }

    /** A party as an event names it. */
    public record Named(String department, String identifier) {
    }

    /** Finds or makes the kept references of these parties at once; {@link #ref} then finds them without a look. */
    public void prepare(Collection<Named> parties) {
        if (this.kept != null) {
            this.kept.prepare(parties.stream().map(party -> this.pseudonymiser.reference(party.department(),
                    party.identifier())).collect(Collectors.toCollection(LinkedHashSet::new)));
        }
    }

    public String ref(String department, String identifier) {
        String computed = this.pseudonymiser.reference(department, identifier);
        return this.kept == null ? computed : this.kept.referenceFor(computed);
    }

    /** The former organisation-wide reference while the change-over lasts, else {@code null}. */
    public String formerRef(String identifier) {
        return this.properties.formerRefsAt(this.clock.instant()) ? this.pseudonymiser.organisationReference(identifier) : null;
    }
}
