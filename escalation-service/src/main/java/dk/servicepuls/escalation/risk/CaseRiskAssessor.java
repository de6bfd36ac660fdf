package dk.servicepuls.escalation.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.escalation.caseevents.CaseEvent;
import dk.servicepuls.escalation.caseevents.CaseEventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Reassesses a case on each of its events: adds the event's fact, scores the facts and stores the result, then tells
 * the rest of the service ({@link CaseRiskAssessed}). A repeated event changes nothing. A batch's cases are read
 * with one query, assessed event by event in the batch's order in memory and written back with one bulk write (one
 * document write per case), before any of the batch's assessments is handed on. Counts assessments per department
 * and level in {@code servicepuls.risk.assessments}, and the case writes lost to another writer (and so made again)
 * in {@code servicepuls.risk.write.conflicts}.
 */
@Order(1)
@Component
class CaseRiskAssessor implements CaseEventHandler {

    enum Outcome {
        NO_CASE, REDELIVERY, UNCHANGED, CHANGED
    }

    private static final Logger log = LoggerFactory.getLogger(CaseRiskAssessor.class);
    /** Two consumer threads compete for a case at most; a handful of rounds is plenty before the binder retries. */
    private static final int ATTEMPTS = 10;

    private final CaseRiskStore store;
    private final PartyComplaints parties;
    private final RiskModel model;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    CaseRiskAssessor(CaseRiskStore store, PartyComplaints parties, RiskModel model, Clock clock,
            ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.store = store;
        this.parties = parties;
        this.model = model;
        this.clock = clock;
        this.publisher = publisher;
        this.meters = meters;
    }

    /**
     * Assesses the whole batch against its cases read in one query, writes each case once, and then hands on each
     * event's assessment in turn. The cases another writer changed meanwhile (another instance taking over a
     * partition, a consumer of other events) are read and assessed again together, not event by event: a poll that
     * loses cases loses several at once, and three round trips per event of theirs made a slow poll much slower. What
     * is still lost after that is left to {@link #on} event by event.
     */
    @Override
    public CaseEventHandler forBatch(List<CaseEvent> batch) {
        Map<CaseEvent, CaseRiskAssessed> assessed = assessAndWriteWhileLost(batch);
        return event -> {
            CaseRiskAssessed prepared = assessed.get(event);
            logged(event, prepared == null ? assess(event) : announce(prepared));
        };
    }

    @Override
    public void on(CaseEvent event) {
        logged(event, assess(event));
    }

    /** The events of a case that were not assessed because another writer changed their case meanwhile. */
    private static List<CaseEvent> unassessed(List<CaseEvent> events, Map<CaseEvent, CaseRiskAssessed> assessed) {
        return events.stream().filter(event -> ofCase(event) && !assessed.containsKey(event)).toList();
    }

    private static boolean ofCase(CaseEvent event) {
        return event.caseId() != null && event.department() != null;
    }

    private static void logged(CaseEvent event, Outcome outcome) {
        log.debug("{} id={} source={}: {}", event.type().type(), event.id(), event.source(), outcome);
    }

    Outcome assess(CaseEvent event) {
        if (event.caseId() == null) {
            return Outcome.NO_CASE;
        }
        if (event.department() == null) {
            // the publishing service validated the envelope; a gap here is a broken record, not a case
            throw new IllegalArgumentException("Event with a subject but no department");
        }
        CaseRiskAssessed assessed = assessAndWriteWhileLost(List.of(event)).get(event);
        if (assessed == null) {
            throw new OptimisticLockingFailureException("Case risk kept changing under " + ATTEMPTS + " attempts");
        }
        return announce(assessed);
    }

    /**
     * {@link #assessAndWrite}, and again for the events whose case another writer changed meanwhile, all of them
     * together each time, after a growing pause; {@link #ATTEMPTS} times at most.
     *
     * @return as {@link #assessAndWrite}; without the events whose case was still lost the last time
     */
    private Map<CaseEvent, CaseRiskAssessed> assessAndWriteWhileLost(List<CaseEvent> events) {
        Map<CaseEvent, CaseRiskAssessed> assessed = assessAndWrite(events);
        List<CaseEvent> lost = unassessed(events, assessed);
        for (int attempt = 1; !lost.isEmpty() && attempt < ATTEMPTS; attempt++) {
            backOff(attempt - 1);
            assessed.putAll(assessAndWrite(lost));
            lost = unassessed(lost, assessed);
        }
        return assessed;
    }

    /**
     * A random pause that grows with the attempts, so two consumers that keep colliding on one case fall out of step
     * instead of retrying in lockstep.
     */
    private static void backOff(int attempt) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 4))));
    }

    /**
     * Assesses the events in their order against their cases as stored now and writes each case once.
     *
     * @return each assessed event's assessment, by identity; without the events that have no case (or no
     *         department) and those of a case another writer changed meanwhile
     */
    private Map<CaseEvent, CaseRiskAssessed> assessAndWrite(List<CaseEvent> events) {
        List<CaseEvent> ofCases = events.stream().filter(CaseRiskAssessor::ofCase).toList();
        if (ofCases.isEmpty()) {
            return Map.of();
        }
        Map<String, CaseRisk> stored = this.store.findForAssessment(
                ofCases.stream().map(event -> CaseRisk.id(event.department(), event.caseId())).distinct().toList());
        PartyComplaints.Known known = this.parties.load(partiesOf(ofCases, stored));
        Map<String, WorkingCase> cases = new LinkedHashMap<>();
        Map<CaseEvent, CaseRiskAssessed> assessed = new IdentityHashMap<>();
        for (CaseEvent event : ofCases) {
            String id = CaseRisk.id(event.department(), event.caseId());
            WorkingCase working = cases.computeIfAbsent(id,
                    any -> WorkingCase.of(stored.get(id), event.department(), event.caseId()));
            assessed.put(event, assess(working, event, known));
        }
        // noted before the cases are written: a crash in between redelivers the events, and noting is idempotent
        this.parties.save(known);
        Set<String> lost = this.store.writeAll(cases.values());
        if (!lost.isEmpty()) {
            this.meters.counter("servicepuls.risk.write.conflicts").increment(lost.size());
            assessed.keySet().removeIf(event -> lost.contains(CaseRisk.id(event.department(), event.caseId())));
        }
        return assessed;
    }

    /** The parties the events' cases belong to, as stored or as a case.opened among the events names them. */
    private static Set<String> partiesOf(List<CaseEvent> events, Map<String, CaseRisk> stored) {
        Set<String> parties = new HashSet<>();
        stored.values().forEach(risk -> risk.party().all()
                .forEach(ref -> parties.add(PartyComplaints.id(risk.department(), ref))));
        for (CaseEvent event : events) {
            party(event, PartyRefs.NONE).all().forEach(ref -> parties.add(PartyComplaints.id(event.department(), ref)));
        }
        return parties;
    }

    private CaseRiskAssessed assess(WorkingCase working, CaseEvent event, PartyComplaints.Known known) {
        if (working.knows(event)) {
            return caseRiskAssessed(working.department(), working.caseId(), working.caseFacts(), working.current(),
                    false, event, true);
        }
        String department = working.department();
        String caseId = working.caseId();
        Fact fact = Fact.of(event);
        CaseFacts facts = working.caseFacts().with(fact);
        PartyRefs party = party(event, working.party());
        if (facts.hasComplaint()) {
            party.all().forEach(ref -> known.note(department, ref, caseId));
        }
        boolean complainedElsewhere = party.all().anyMatch(ref -> known.onOtherCases(department, ref, caseId));
        // the store keeps milliseconds; truncating keeps the stored, shown and announced times identical
        Instant assessedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant asOf = facts.latestTime() == null ? assessedAt : facts.latestTime();
        Assessment assessment = this.model.assess(department, facts, complainedElsewhere, asOf, assessedAt);
        Assessment changed = assessment.differsFrom(working.current()) ? assessment : null;
        working.add(fact, party, assessment, changed);
        return caseRiskAssessed(department, caseId, facts, assessment, changed != null, event, false);
    }

    /** Tells the rest of the service, once the assessment is stored. */
    private Outcome announce(CaseRiskAssessed assessed) {
        if (!assessed.redelivered()) {
            // department and level only: a case id or a party in a label would be personal data and unbounded
            this.meters.counter("servicepuls.risk.assessments", "department", assessed.department(),
                    "level", assessed.level().name().toLowerCase(Locale.ROOT),
                    "changed", String.valueOf(assessed.changed())).increment();
        }
        this.publisher.publishEvent(assessed);
        return assessed.redelivered() ? Outcome.REDELIVERY : assessed.changed() ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    private static PartyRefs party(CaseEvent event, PartyRefs known) {
        CaseOpened opened = event.data(CaseOpened.class);
        PartyRefs named = opened == null ? PartyRefs.NONE : PartyRefs.of(opened.party());
        return named.known() ? named : known;
    }

    private static CaseRiskAssessed caseRiskAssessed(String department, String caseId, CaseFacts facts,
            Assessment assessment, boolean changed, CaseEvent cause, boolean redelivered) {
        Fact pending = facts.pendingDecision();
        return new CaseRiskAssessed(department, caseId, assessment.score(), assessment.level(),
                assessment.factors(), assessment.modelVersion(), assessment.assessedAt(), changed,
                pending == null ? null
                        : new CaseRiskAssessed.PendingDecision(pending.expectedOutcome(), pending.dueAt(),
                                pending.caseworkerId()),
                facts.complaintIntent(), facts.caseworkerId(), facts.team(),
                new CaseRiskAssessed.Cause(cause.source(), cause.id(), cause.type()), redelivered);
    }
}
