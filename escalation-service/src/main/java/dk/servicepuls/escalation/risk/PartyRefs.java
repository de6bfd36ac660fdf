package dk.servicepuls.escalation.risk;

import java.util.Objects;
import java.util.stream.Stream;

import dk.servicepuls.contracts.events.CaseOpened;

/**
 * A case's party as this service keys it: its reference in the department, and while a deployment changes over
 * to per-department keys, the organisation-wide reference it had before, under which earlier cases were stored.
 */
record PartyRefs(String ref, String formerRef) {

    static final PartyRefs NONE = new PartyRefs(null, null);

    static PartyRefs of(CaseOpened.Party party) {
        return party == null || party.ref() == null ? NONE : new PartyRefs(party.ref(), party.formerRef());
    }

    boolean known() {
        return ref != null;
    }

    /** Every reference the party's complaints may be noted under. */
    Stream<String> all() {
        return Stream.of(ref, formerRef).filter(Objects::nonNull);
    }
}
