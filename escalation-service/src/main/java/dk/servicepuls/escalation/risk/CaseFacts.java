package dk.servicepuls.escalation.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dk.servicepuls.contracts.events.ComplaintFiled;

/**
 * A case's facts in the order they arrived, and what follows from them: which decision is pending, who has the
 * case, how old it is. Arrival order, not event time, decides what is current: a partition keeps one case's events in
 * the order the department's system published them.
 */
final class CaseFacts {

    private final List<Fact> facts;

    CaseFacts(List<Fact> facts) {
        this.facts = List.copyOf(facts);
    }

    List<Fact> all() {
        return facts;
    }

    CaseFacts with(Fact fact) {
        List<Fact> more = new ArrayList<>(facts);
        more.add(fact);
        return new CaseFacts(more);
    }

    /** The latest decision.pending, unless a decision was made after it. */
    Fact pendingDecision() {
        Fact pending = null;
        for (Fact fact : facts) {
            if (fact.kind() == Fact.Kind.DECISION_PENDING) {
                pending = fact;
            }
            else if (fact.kind() == Fact.Kind.DECISION_MADE) {
                pending = null;
            }
        }
        return pending;
    }

    /**
     * The caseworker named last by case.opened or decision.pending; a contact's handler only while no one else is
     * known. A hand-off forgets the caseworker: the receiving team assigns its own.
     */
    String caseworkerId() {
        String caseworker = null;
        for (Fact fact : facts) {
            switch (fact.kind()) {
                case CASE_OPENED, DECISION_PENDING -> caseworker = fact.caseworkerId() == null ? caseworker : fact.caseworkerId();
                case CONTACT -> caseworker = caseworker == null ? fact.caseworkerId() : caseworker;
                case TRANSFER -> caseworker = null;
                default -> {
                }
            }
        }
        return caseworker;
    }

    /** The team of case.opened, or the one the case was last handed to. */
    String team() {
        String team = null;
        for (Fact fact : facts) {
            if ((fact.kind() == Fact.Kind.CASE_OPENED || fact.kind() == Fact.Kind.TRANSFER) && fact.team() != null) {
                team = fact.team();
            }
        }
        return team;
    }

    Instant openedAt() {
        return facts.stream().filter(fact -> fact.kind() == Fact.Kind.CASE_OPENED && fact.time() != null)
                .map(Fact::time).findFirst().orElse(null);
    }

    /** The newest event time among the facts; an event arriving late does not turn the clock back. */
    Instant latestTime() {
        return facts.stream().map(Fact::time).filter(time -> time != null).max(Instant::compareTo).orElse(null);
    }

    boolean any(Predicate<Fact> predicate) {
        return facts.stream().anyMatch(predicate);
    }

    long count(Predicate<Fact> predicate) {
        return facts.stream().filter(predicate).count();
    }

    /** The words of the latest analysis that found a complaint intent, or {@code null}. */
    String intentWords() {
        String words = null;
        for (Fact fact : facts) {
            if (fact.kind() == Fact.Kind.ANALYSIS && Boolean.TRUE.equals(fact.complaintIntent())
                    && fact.intentWords() != null) {
                words = fact.intentWords();
            }
        }
        return words;
    }

    boolean complaintIntent() {
        return any(fact -> fact.kind() == Fact.Kind.ANALYSIS && Boolean.TRUE.equals(fact.complaintIntent()));
    }

    boolean hasComplaint() {
        return any(fact -> fact.kind() == Fact.Kind.COMPLAINT);
    }

    boolean hasComplaint(ComplaintFiled.Kind kind) {
        return any(fact -> fact.kind() == Fact.Kind.COMPLAINT && fact.complaintKind() == kind);
    }

    /** The most inbound contacts whose event times fit in one window of this length. */
    int mostInboundContactsWithin(Duration window) {
        List<Instant> times = facts.stream()
                .filter(fact -> fact.kind() == Fact.Kind.CONTACT && Boolean.TRUE.equals(fact.inbound()) && fact.time() != null)
                .map(Fact::time).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (Duration.between(times.get(first), times.get(last)).compareTo(window) > 0) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
