package dk.servicepuls.platform.erasure;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.PartyErasureRequested;

/**
 * What one service needs of an erasure request: whose data, in which department, and the party's cases.
 *
 * @param source     the request's source, with {@code id} its identity
 * @param department the department whose data is erased; references are per department
 * @param partyRefs  the party's references: its reference and, during a change-over, its former one
 * @param cases      the department's case ids opened for the party
 * @param time       when the department asked
 */
public record ErasureRequest(String source, String id, String department, Set<String> partyRefs, List<String> cases,
        Instant time) {

    public ErasureRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(department, "department");
        partyRefs = Set.copyOf(partyRefs);
        cases = List.copyOf(new LinkedHashSet<>(cases));
    }

    /** The request as published on contact.events. */
    public static ErasureRequest of(String source, String id, String department, Instant time,
            PartyErasureRequested data) {
        return new ErasureRequest(source, id, department, refs(data.party()), data.cases(), time);
    }

    static Set<String> refs(CaseOpened.Party party) {
        Set<String> refs = new LinkedHashSet<>();
        if (party != null && party.ref() != null) {
            refs.add(party.ref());
        }
        if (party != null && party.formerRef() != null) {
            refs.add(party.formerRef());
        }
        return refs;
    }
}
