package dk.servicepuls.analytics.kpis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.WireCodes;
import dk.servicepuls.contracts.events.DecisionMade;
import dk.servicepuls.contracts.events.TaskCompleted;

/**
 * The facts of one case, from all three topics, which arrive in no common order; they are kept in time order, and
 * the accessors read the case's story from them. Not thread-safe: the ledger guards it.
 */
final class CaseHistory {

    static final Set<String> UNFAVOURABLE = WireCodes.of(DecisionMade.Outcome.REJECTED,
            DecisionMade.Outcome.PARTIALLY_APPROVED);
    static final Set<String> REACHED = WireCodes.of(TaskCompleted.Outcome.REACHED_RESOLVED,
            TaskCompleted.Outcome.REACHED_COMPLAINT_EXPECTED);

    private static final Comparator<EventFact> BY_TIME = Comparator.comparing(EventFact::time,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final String department;
    private final List<EventFact> facts = new ArrayList<>(8);

    CaseHistory(String department) {
        this.department = department;
    }

    /** Kept in time order as it goes in (mostly at the end), so that readers, several at once, only read. */
    void add(EventFact fact) {
        int at = facts.size();
        while (at > 0 && BY_TIME.compare(facts.get(at - 1), fact) > 0) {
            at--;
        }
        facts.add(at, fact);
    }

    List<EventFact> facts() {
        return java.util.Collections.unmodifiableList(facts);
    }

    /** The team that holds the case: the one it was opened in, then the one each hand-off inside the department gave it. */
    String team() {
        String team = null;
        for (EventFact fact : facts()) {
            if (is(fact, EventType.CASE_OPENED) && fact.text(FactValues.TEAM) != null) {
                team = fact.text(FactValues.TEAM);
            }
            else if (is(fact, EventType.CASE_TRANSFERRED) && withinDepartment(fact) && fact.text(FactValues.TO_TEAM) != null) {
                team = fact.text(FactValues.TO_TEAM);
            }
        }
        return team;
    }

    Instant openedAt() {
        return firstTime(EventType.CASE_OPENED);
    }

    Instant closedAt() {
        return firstTime(EventType.CASE_CLOSED);
    }

    /** When a decision was first announced as pending with an unfavourable expected outcome: a case to call. */
    Instant eligibleAt() {
        for (EventFact fact : facts()) {
            if (is(fact, EventType.DECISION_PENDING) && among(UNFAVOURABLE, fact.text(FactValues.EXPECTED_OUTCOME))) {
                return fact.time();
            }
        }
        return null;
    }

    /** Whether the code is one of the codes; a fact without it (an older producer, a field left out) is not. */
    static boolean among(Set<String> codes, String code) {
        // Set.of(…).contains(null) throws: one event without its code must not break a department's KPIs
        return code != null && codes.contains(code);
    }

    /** The last decision made: a decision taken again (reconsidered) replaces the first. */
    EventFact decision() {
        EventFact decision = null;
        for (EventFact fact : facts()) {
            if (is(fact, EventType.DECISION_MADE)) {
                decision = fact;
            }
        }
        return decision;
    }

    /** The first unfavourable decision made. */
    EventFact unfavourableDecision() {
        for (EventFact fact : facts()) {
            if (is(fact, EventType.DECISION_MADE) && among(UNFAVOURABLE, fact.text(FactValues.OUTCOME))) {
                return fact;
            }
        }
        return null;
    }

    /**
     * Whether the party was reached ahead of the decision: a proactive call recorded by the department's telephony
     * (an outbound contact with the Styrket Kontakt topic) or a task completed as reached.
     */
    boolean called() {
        for (EventFact fact : facts()) {
            if (is(fact, EventType.CONTACT_RECORDED) && fact.flag(FactValues.PROACTIVE_CALL)
                    && "outbound".equals(fact.text(FactValues.DIRECTION))) {
                return true;
            }
            if (is(fact, EventType.TASK_COMPLETED) && among(REACHED, fact.text(FactValues.OUTCOME))) {
                return true;
            }
        }
        return false;
    }

    /** Whether escalation-service kept the case in the control group, so that nobody was asked to call. */
    boolean heldOut() {
        return facts().stream().anyMatch(fact -> is(fact, EventType.TASK_HELD_OUT));
    }

    /** Whether a call was tried: made, or a task completed as not reached. */
    boolean callAttempted() {
        return called() || facts().stream()
                .anyMatch(fact -> is(fact, EventType.TASK_COMPLETED) && "not_reached".equals(fact.text(FactValues.OUTCOME)));
    }

    List<EventFact> of(EventType type) {
        return facts().stream().filter(fact -> is(fact, type)).toList();
    }

    /** Complaints filed at or after the time. */
    long complaintsFrom(Instant time, String kind) {
        return facts().stream()
                .filter(fact -> is(fact, EventType.COMPLAINT_FILED) && fact.time() != null && !fact.time().isBefore(time))
                .filter(fact -> kind == null || kind.equals(fact.text(FactValues.KIND)))
                .count();
    }

    boolean withinDepartment(EventFact transfer) {
        String to = transfer.text(FactValues.TO_DEPARTMENT);
        return to == null || to.equals(department);
    }

    private Instant firstTime(EventType type) {
        for (EventFact fact : facts()) {
            if (is(fact, type)) {
                return fact.time();
            }
        }
        return null;
    }

    static boolean is(EventFact fact, EventType type) {
        return type.type().equals(fact.type());
    }
}
