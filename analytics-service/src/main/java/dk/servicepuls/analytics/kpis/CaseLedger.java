package dk.servicepuls.analytics.kpis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.analytics.facts.FactView;
import dk.servicepuls.contracts.EventType;
import org.springframework.stereotype.Component;

/**
 * The facts the KPIs are computed from, per department: each case's history, and the contacts and feedback that
 * belong to no case. Kept in memory and rebuilt from the stored facts at start (a fact reaches it once, see
 * {@link FactView}), so a query computes from exactly what the store holds, at any granularity, without a scan.
 */
@Component
class CaseLedger implements FactView {

    /** What the KPIs read; the rest (risk changes, survey invitations, claims) is counted by type only. */
    private static final Set<String> KEPT = Set.of(EventType.CASE_OPENED, EventType.CONTACT_RECORDED,
            EventType.DECISION_PENDING, EventType.DECISION_MADE, EventType.CASE_TRANSFERRED, EventType.CASE_CLOSED,
            EventType.FEEDBACK_SUBMITTED, EventType.COMPLAINT_FILED, EventType.FEEDBACK_ANALYZED,
            EventType.TASK_CREATED, EventType.TASK_COMPLETED, EventType.TASK_EXPIRED, EventType.TASK_CANCELLED,
            EventType.TASK_HELD_OUT)
            .stream().map(EventType::type).collect(java.util.stream.Collectors.toUnmodifiableSet());

    static final int MAX_TEAMS = 500;

    /** One department's facts. */
    static final class DepartmentFacts {

        private final String department;
        private final Map<String, CaseHistory> cases = new HashMap<>();
        private final List<EventFact> withoutCase = new ArrayList<>();
        private final NavigableSet<String> teams = new TreeSet<>();

        DepartmentFacts(String department) {
            this.department = department;
        }

        Iterable<CaseHistory> cases() {
            return cases.values();
        }

        List<EventFact> withoutCase() {
            return withoutCase;
        }

        String department() {
            return department;
        }

        /** The teams its cases were opened in or handed to, in order; at most {@value #MAX_TEAMS} (for a picker). */
        List<String> teams() {
            return List.copyOf(teams);
        }

        void add(EventFact fact) {
            for (String team : new String[] {fact.text(FactValues.TEAM), fact.text(FactValues.TO_TEAM)}) {
                if (team != null && teams.size() < MAX_TEAMS) {
                    teams.add(team);
                }
            }
            if (fact.caseKey() == null) {
                withoutCase.add(fact);
            }
            else {
                cases.computeIfAbsent(fact.caseKey(), key -> new CaseHistory(department)).add(fact);
            }
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, DepartmentFacts> departments = new HashMap<>();

    @Override
    public void add(List<EventFact> facts) {
        lock.writeLock().lock();
        try {
            for (EventFact fact : facts) {
                if (fact.department() != null && KEPT.contains(fact.type())) {
                    departments.computeIfAbsent(fact.department(), DepartmentFacts::new).add(fact);
                }
            }
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void erase(Set<String> caseKeys) {
        lock.writeLock().lock();
        try {
            departments.values().forEach(facts -> facts.cases.keySet().removeAll(caseKeys));
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** The departments with facts, in order. */
    List<String> departments() {
        lock.readLock().lock();
        try {
            return departments.keySet().stream().sorted().toList();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** Runs the computation on the department's facts with no fact being added meanwhile. */
    <T> T read(String department, Function<DepartmentFacts, T> computation) {
        lock.readLock().lock();
        try {
            return computation.apply(departments.getOrDefault(department, new DepartmentFacts(department)));
        }
        finally {
            lock.readLock().unlock();
        }
    }
}
