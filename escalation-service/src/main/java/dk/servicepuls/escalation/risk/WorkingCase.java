package dk.servicepuls.escalation.risk;

import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.escalation.caseevents.CaseEvent;

/**
 * A case's risk while a batch of its events is assessed: what was stored (its {@code version} guards the one write
 * the batch makes), and what each event of the batch added. Written back as one document write, whatever the number
 * of events: their facts, the final assessment, every change of score or level in order and an announcement of each.
 */
final class WorkingCase {

    /** A change of score or level, and the event that caused it (which names its announcement). */
    record Change(Fact cause, Assessment assessment) {
    }

    private final CaseRisk stored;
    private final String department;
    private final String caseId;
    private final List<Fact> facts;
    private final List<Fact> added = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private PartyRefs party;
    private Assessment current;

    private WorkingCase(CaseRisk stored, String department, String caseId) {
        this.stored = stored;
        this.department = department;
        this.caseId = caseId;
        this.facts = stored == null ? new ArrayList<>() : new ArrayList<>(stored.facts());
        this.party = stored == null ? PartyRefs.NONE : stored.party();
        this.current = stored == null ? Assessment.NONE : stored.current();
    }

    /** @param stored the case as read, or {@code null} when it is not stored yet */
    static WorkingCase of(CaseRisk stored, String department, String caseId) {
        return new WorkingCase(stored, department, caseId);
    }

    String id() {
        return CaseRisk.id(this.department, this.caseId);
    }

    String department() {
        return this.department;
    }

    String caseId() {
        return this.caseId;
    }

    /** The case as read before the batch; {@code null} for a new case. */
    CaseRisk stored() {
        return this.stored;
    }

    PartyRefs party() {
        return this.party;
    }

    Assessment current() {
        return this.current;
    }

    CaseFacts caseFacts() {
        return new CaseFacts(this.facts);
    }

    boolean knows(CaseEvent event) {
        return this.facts.stream().anyMatch(fact -> fact.sameEventAs(event));
    }

    /** @param changed the assessment when score or level differ from the one before, else {@code null} */
    void add(Fact fact, PartyRefs party, Assessment assessment, Assessment changed) {
        this.facts.add(fact);
        this.added.add(fact);
        this.party = party;
        this.current = assessment;
        if (changed != null) {
            this.changes.add(new Change(fact, changed));
        }
    }

    List<Fact> allFacts() {
        return List.copyOf(this.facts);
    }

    List<Fact> added() {
        return List.copyOf(this.added);
    }

    List<Change> changes() {
        return List.copyOf(this.changes);
    }

    boolean hasWrites() {
        return !this.added.isEmpty();
    }

    /** Whether a case as read now holds what this batch added, i.e. the batch's write is the one that went in. */
    boolean writtenIn(CaseRisk now) {
        Fact last = this.added.get(this.added.size() - 1);
        return now != null && now.facts().stream().anyMatch(fact -> fact.source().equals(last.source())
                && fact.id().equals(last.id()));
    }
}
