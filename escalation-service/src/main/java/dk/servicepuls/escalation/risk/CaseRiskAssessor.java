package dk.servicepuls.escalation.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Reassesses a case on each of its events: adds the event's fact, scores the facts and stores the result, then tells
 * the rest of the service ({@link CaseRiskAssessed}). A repeated event changes nothing. Counts assessments per
 * department and level in {@code servicepuls.risk.assessments}.
 */
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

    @Override
    public void on(CaseEvent event) {
        Outcome outcome = assess(event);
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
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CaseRisk> stored = store.find(event.department(), event.caseId());
            if (stored.isPresent() && stored.get().knows(event)) {
                CaseRisk known = stored.get();
                publisher.publishEvent(caseRiskAssessed(known.department(), known.caseId(), known.caseFacts(),
                        known.current(), false, event, true));
                return Outcome.REDELIVERY;
            }
            Outcome written = tryAssess(stored.orElse(null), event);
            if (written != null) {
                return written;
            }
            backOff(attempt);
        }
        throw new OptimisticLockingFailureException("Case risk kept changing under " + ATTEMPTS + " attempts");
    }

    /** @return the outcome, or {@code null} when another write to the case came first */
    /**
     * A random pause that grows with the attempts, so two consumers that keep colliding on one case fall out of step
     * instead of retrying in lockstep.
     */
    private static void backOff(int attempt) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 4))));
    }

    private Outcome tryAssess(CaseRisk before, CaseEvent event) {
        String department = event.department();
        String caseId = event.caseId();
        Fact fact = Fact.of(event);
        CaseFacts facts = (before == null ? new CaseFacts(List.of()) : before.caseFacts()).with(fact);
        String partyRef = partyRef(event, before);
        if (partyRef != null && facts.hasComplaint()) {
            // noted before the case is written: a crash in between redelivers the event, and noting is idempotent
            parties.note(department, partyRef, caseId);
        }
        boolean complainedElsewhere = partyRef != null && parties.onOtherCases(department, partyRef, caseId);
        // the store keeps milliseconds; truncating keeps the stored, shown and announced times identical
        Instant assessedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant asOf = facts.latestTime() == null ? assessedAt : facts.latestTime();
        Assessment assessment = model.assess(department, facts, complainedElsewhere, asOf, assessedAt);
        Assessment previous = before == null ? Assessment.NONE : before.current();
        Assessment changed = assessment.differsFrom(previous) ? assessment : null;
        if (!store.write(before, department, caseId, partyRef, fact, assessment, changed)) {
            return null;
        }
        // department and level only: a case id or a party in a label would be personal data and unbounded
        meters.counter("servicepuls.risk.assessments", "department", department,
                "level", assessment.level().name().toLowerCase(Locale.ROOT), "changed", String.valueOf(changed != null))
                .increment();
        publisher.publishEvent(caseRiskAssessed(department, caseId, facts, assessment, changed != null, event, false));
        return changed == null ? Outcome.UNCHANGED : Outcome.CHANGED;
    }

    private static String partyRef(CaseEvent event, CaseRisk before) {
        CaseOpened opened = event.data(CaseOpened.class);
        if (opened != null && opened.party() != null && opened.party().ref() != null) {
            return opened.party().ref();
        }
        return before == null ? null : before.partyRef();
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
