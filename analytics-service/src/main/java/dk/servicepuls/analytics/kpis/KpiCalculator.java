package dk.servicepuls.analytics.kpis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.contracts.EventType;

/**
 * Computes a {@link KpiReport} from a department's facts. An event counts in the period of its own time (contacts,
 * answers, analysed texts, tasks); a case-level figure in the period of the case's moment that defines it (lead time,
 * contacts and hand-offs per case, peak–end: when it closed; complaints per unfavourable decision: when that decision
 * was made; call coverage: when the decision was announced as pending). Knows neither Kafka nor HTTP.
 */
final class KpiCalculator {

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final String WRONG_INFORMATION = "wrong-information";

    private final KpiProperties properties;

    KpiCalculator(KpiProperties properties) {
        this.properties = properties;
    }

    KpiReport report(KpiQuery query, CaseLedger.DepartmentFacts facts, Instant asOf) {
        Periods periods = Periods.of(query.from(), query.to(), query.granularity(), properties.zone());
        Periods whole = Periods.whole(query.from(), query.to(), properties.zone());
        List<CaseHistory> cases = casesOf(query, facts);
        // contacts and answers without a case are the department's, never a team's
        List<EventFact> withoutCase = query.team() == null ? facts.withoutCase() : List.of();
        List<PeriodTally> tallies = tally(cases, withoutCase, periods);
        PeriodTally total = tally(cases, withoutCase, whole).get(0);
        EffectTally effect = new EffectTally();
        cases.forEach(history -> effect.add(history, whole, asOf.minus(properties.complaintWindow())));
        int min = properties.minGroupSize();
        List<KpiReport.PeriodKpis> kpis = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            kpis.add(periodKpis(periods.all().get(i), tallies.get(i), min));
        }
        KpiReport.PeriodKpis range = periodKpis(whole.all().get(0), total, min);
        return new KpiReport(query.department(), query.team(), query.granularity().code(), query.from(), query.to(), min,
                kpis, range, NineRules.scorecard(kpis, range), Maturity.of(range),
                effect.effect(whole, properties));
    }

    private static KpiReport.PeriodKpis periodKpis(Periods.Period period, PeriodTally tally, int min) {
        return new KpiReport.PeriodKpis(period.start(), period.end().minusDays(1), tally.figures(min), tally.topTopics(min));
    }

    /** The department's cases, or those the team holds. */
    private static List<CaseHistory> casesOf(KpiQuery query, CaseLedger.DepartmentFacts facts) {
        List<CaseHistory> cases = new ArrayList<>();
        for (CaseHistory history : facts.cases()) {
            if (query.team() == null || query.team().equals(history.team())) {
                cases.add(history);
            }
        }
        return cases;
    }

    private List<PeriodTally> tally(List<CaseHistory> cases, List<EventFact> withoutCase, Periods periods) {
        List<PeriodTally> tallies = new ArrayList<>();
        periods.all().forEach(period -> tallies.add(new PeriodTally()));
        for (CaseHistory history : cases) {
            for (EventFact fact : history.facts()) {
                eventFigures(fact, periods, tallies);
            }
            caseFigures(history, periods, tallies);
            taskFigures(history, periods, tallies);
        }
        withoutCase.forEach(fact -> eventFigures(fact, periods, tallies));
        return tallies;
    }

    /** Figures of single events, in the period of the event's time. */
    private void eventFigures(EventFact fact, Periods periods, List<PeriodTally> tallies) {
        int index = periods.indexOf(fact.time());
        if (index < 0) {
            return;
        }
        PeriodTally tally = tallies.get(index);
        if (CaseHistory.is(fact, EventType.CONTACT_RECORDED)) {
            tally.contacts++;
            if ("inbound".equals(fact.text(FactValues.DIRECTION))) {
                tally.inboundContacts++;
                Boolean resolved = fact.bool(FactValues.RESOLVED_ON_FIRST_CONTACT);
                if (resolved != null) {
                    tally.firstContactResolution.add(resolved);
                }
                Double wait = fact.number(FactValues.WAIT_SECONDS);
                if (wait != null && wait >= 0) {
                    tally.waits.add(wait);
                }
            }
        }
        else if (CaseHistory.is(fact, EventType.FEEDBACK_SUBMITTED)) {
            Double csat = fact.number(FactValues.CSAT);
            if (csat != null) {
                tally.csat.add(csat);
                tally.csatSatisfied.add(csat >= 4);
            }
            Double ces = fact.number(FactValues.CES);
            if (ces != null) {
                tally.ces.add(ces);
                tally.cesHighEffort.add(ces >= properties.highEffortCes());
            }
            Double nps = fact.number(FactValues.NPS);
            if (nps != null) {
                tally.npsPromoterMinusDetractor.add(nps >= 9 ? 1 : nps <= 6 ? -1 : 0);
            }
        }
        else if (CaseHistory.is(fact, EventType.FEEDBACK_ANALYZED)) {
            String sentiment = fact.text(FactValues.SENTIMENT);
            tally.negative.add("negative".equals(sentiment));
            tally.positive.add("positive".equals(sentiment));
            tally.complaintIntent.add(fact.flag(FactValues.COMPLAINT_INTENT));
            List<String> topics = fact.texts(FactValues.TOPICS);
            topics.forEach(topic -> tally.topics.merge(topic, 1L, Long::sum));
            tally.wrongInformation.add(topics.contains(WRONG_INFORMATION));
        }
        else if (CaseHistory.is(fact, EventType.CASE_OPENED)) {
            tally.casesOpened++;
        }
        else if (CaseHistory.is(fact, EventType.TASK_CREATED)) {
            tally.tasksCreated++;
        }
        else if (CaseHistory.is(fact, EventType.COMPLAINT_FILED) && "service_complaint".equals(fact.text(FactValues.KIND))) {
            tally.serviceComplaints++;
        }
    }

    /** Figures of whole cases, each in the period of the moment that defines it. */
    private void caseFigures(CaseHistory history, Periods periods, List<PeriodTally> tallies) {
        int closed = periods.indexOf(history.closedAt());
        if (closed >= 0) {
            closedCase(history, tallies.get(closed));
        }
        EventFact unfavourable = history.unfavourableDecision();
        if (unfavourable != null) {
            int decided = periods.indexOf(unfavourable.time());
            if (decided >= 0) {
                PeriodTally tally = tallies.get(decided);
                tally.complaintsPer100.add(100.0 * history.complaintsFrom(unfavourable.time(), null));
                tally.appealsPer100.add(100.0 * history.complaintsFrom(unfavourable.time(), "decision_appeal"));
            }
        }
        int eligible = periods.indexOf(history.eligibleAt());
        if (eligible >= 0) {
            tallies.get(eligible).callCoverage.add(history.callAttempted());
        }
    }

    private void closedCase(CaseHistory history, PeriodTally tally) {
        tally.casesClosed++;
        Instant opened = history.openedAt();
        if (opened != null) {
            double days = Duration.between(opened, history.closedAt()).toSeconds() / SECONDS_PER_DAY;
            tally.leadTimeDays.add(days);
        }
        List<EventFact> contacts = history.of(EventType.CONTACT_RECORDED);
        tally.contactsPerCase.add(contacts.size());
        long inbound = contacts.stream().filter(contact -> "inbound".equals(contact.text(FactValues.DIRECTION))).count();
        if (inbound > 0) {
            tally.repeatContact.add(inbound > 1);
        }
        List<EventFact> transfers = history.of(EventType.CASE_TRANSFERRED);
        tally.handOffs.add(transfers.size());
        tally.crossDepartmentHandOffs.add(transfers.stream().filter(transfer -> !history.withinDepartment(transfer)).count());
        PeakEnd.of(history.of(EventType.FEEDBACK_SUBMITTED)).ifPresent(score -> {
            tally.peakEnd.add(score.peakEnd());
            tally.meanFeedback.add(score.mean());
            tally.endScore.add(score.end());
        });
    }

    /** Reach and SLA of each completed task, in the period it was completed. */
    private static void taskFigures(CaseHistory history, Periods periods, List<PeriodTally> tallies) {
        Instant dueAt = null;
        for (EventFact fact : history.facts()) {
            if (CaseHistory.is(fact, EventType.TASK_CREATED)) {
                dueAt = fact.instant(FactValues.DUE_AT);
            }
            else if (CaseHistory.is(fact, EventType.TASK_COMPLETED)) {
                int index = periods.indexOf(fact.time());
                String outcome = fact.text(FactValues.OUTCOME);
                if (index >= 0 && outcome != null && !"declined".equals(outcome)) {
                    PeriodTally tally = tallies.get(index);
                    tally.reach.add(CaseHistory.REACHED.contains(outcome));
                    if (dueAt != null) {
                        tally.slaMet.add(!fact.time().isAfter(dueAt));
                    }
                }
            }
        }
    }

    /**
     * Eligible cases whose decision has had the complaint window to draw a complaint: called, held out as controls,
     * or neither. Held-out cases are the comparison wherever there are any; a held-out case that was called after all
     * stays a control (as assigned), so the comparison keeps what the random pick gave it.
     */
    private static final class EffectTally {

        long called;
        long calledComplained;
        long notCalled;
        long notCalledComplained;
        long heldOut;
        long heldOutComplained;

        void add(CaseHistory history, Periods periods, Instant decidedBy) {
            Instant eligibleAt = history.eligibleAt();
            EventFact decision = history.decision();
            if (periods.indexOf(eligibleAt) < 0 || decision == null || decision.time() == null
                    || decision.time().isAfter(decidedBy)) {
                return;
            }
            boolean complained = history.complaintsFrom(eligibleAt, null) > 0;
            if (history.heldOut()) {
                heldOut++;
                heldOutComplained += complained ? 1 : 0;
            }
            else if (history.called()) {
                called++;
                calledComplained += complained ? 1 : 0;
            }
            else {
                notCalled++;
                notCalledComplained += complained ? 1 : 0;
            }
        }

        CallEffect effect(Periods whole, KpiProperties properties) {
            return heldOut > 0
                    ? CallEffect.of(CallEffect.HOLDOUT, whole.from(), whole.until(), called, calledComplained, heldOut,
                            heldOutComplained, properties)
                    : CallEffect.of(CallEffect.OBSERVATIONAL, whole.from(), whole.until(), called, calledComplained,
                            notCalled, notCalledComplained, properties);
        }
    }
}
