package dk.servicepuls.escalation.risk;

import java.util.List;

import dk.servicepuls.escalation.caseevents.CaseEvent;
import org.springframework.data.annotation.Id;

/**
 * A case's risk document: the facts it was computed from, the current assessment and every change before it.
 *
 * @param version   raised by every write; a write names the version it read, so two writers never overwrite each
 *                  other (contact.events and feedback.events are consumed on different threads)
 * @param partyRef  the party's pseudonym from case.opened, to find complaints on the party's other cases; never
 *                  logged, shown or used as a label
 * @param formerPartyRef the party's organisation-wide pseudonym from before per-department keys, when case.opened
 *                  carried it during a change-over
 * @param history   each change of score or level, oldest first
 */
record CaseRisk(@Id String id, String department, String caseId, long version, String partyRef, String formerPartyRef,
        List<Fact> facts, Assessment current, List<Assessment> history) {

    CaseRisk {
        facts = facts == null ? List.of() : List.copyOf(facts);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Department codes cannot contain a colon, so the pair stays unambiguous whatever the case id holds. */
    static String id(String department, String caseId) {
        return department + ":" + caseId;
    }

    boolean knows(CaseEvent event) {
        return facts.stream().anyMatch(fact -> fact.sameEventAs(event));
    }

    PartyRefs party() {
        return partyRef == null ? PartyRefs.NONE : new PartyRefs(partyRef, formerPartyRef);
    }

    CaseFacts caseFacts() {
        return new CaseFacts(facts);
    }
}
