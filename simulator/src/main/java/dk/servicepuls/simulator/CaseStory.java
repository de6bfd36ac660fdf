package dk.servicepuls.simulator;

import static dk.servicepuls.contracts.EventType.CASE_CLOSED;
import static dk.servicepuls.contracts.EventType.CASE_OPENED;
import static dk.servicepuls.contracts.EventType.CASE_TRANSFERRED;
import static dk.servicepuls.contracts.EventType.COMPLAINT_FILED;
import static dk.servicepuls.contracts.EventType.CONTACT_RECORDED;
import static dk.servicepuls.contracts.EventType.DECISION_MADE;
import static dk.servicepuls.contracts.EventType.DECISION_PENDING;
import static dk.servicepuls.contracts.EventType.FEEDBACK_SUBMITTED;

import dk.servicepuls.contracts.events.Channel;
import dk.servicepuls.simulator.Catalogue.CaseKind;
import dk.servicepuls.simulator.Catalogue.Department;
import dk.servicepuls.simulator.Texts.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One case from opening to closing: contacts (some with long waits, some not resolved and followed up), hand-offs,
 * survey answers, the pending decision with its expected outcome, perhaps a proactive call, the decision, perhaps a
 * complaint, and the close. The case's own random generator drives every draw, so a case tells the same story for
 * the same seed whatever the other cases do.
 */
final class CaseStory {

    /** What one case produced: its events in time order and its ground truth. */
    record Told(List<SimulatedEvent> events, CaseTruth truth) {
    }

    static final int LONG_WAIT_SECONDS = 600;
    private static final Set<Channel> LIVE = EnumSet.of(Channel.PHONE, Channel.CHAT, Channel.IN_PERSON, Channel.VIDEO);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String caseId;
    private final Department department;
    private final CaseKind kind;
    private final Party party;
    private final Instant openedAt;
    private final RandomGenerator random;
    private final ComplaintModel model;
    private final CallPolicy policy;
    private final CaseEvents events;
    private final String caseworker;

    private int inbound;
    private int longWaits;
    private int unresolved;
    private int handOffs;
    private int contacts;
    private int answers;
    private boolean negativeFeedback;

    CaseStory(String caseId, Department department, CaseKind kind, Party party, Instant openedAt,
            RandomGenerator random, ComplaintModel model, CallPolicy policy) {
        this.caseId = caseId;
        this.department = department;
        this.kind = kind;
        this.party = party;
        this.openedAt = openedAt;
        this.random = random;
        this.model = model;
        this.policy = policy;
        this.events = new CaseEvents(caseId, department.code());
        this.caseworker = Draw.one(random, department.caseworkers().get(kind.team()));
    }

    Told tell() {
        events.add(CASE_OPENED, "esdh", openedAt, opened());

        double days = Math.max(2, Draw.logNormal(random, kind.typicalDays(), 0.35));
        Instant pendingAt = WorkingTime.during(openedAt.plus(Duration.ofMinutes((long) (days * 0.75 * 24 * 60))), random);
        Instant dueAt = WorkingTime.noonAfterWorkingDays(pendingAt, 5 + random.nextInt(6));
        boolean delayed = Draw.chance(random, 0.12);
        Instant decidedAt = delayed ? WorkingTime.during(dueAt.plus(Duration.ofDays(1 + random.nextInt(10))), random)
                : WorkingTime.during(dueAt, random);
        Outcome outcome = outcome();
        Outcome expected = expectation(outcome);

        transfers(pendingAt);
        contacts(decidedAt);

        ObjectNode pending = JSON.objectNode();
        pending.put("expectedOutcome", expected.code());
        pending.put("dueAt", dueAt.toString());
        pending.put("caseworkerId", caseworker);
        events.add(DECISION_PENDING, "esdh", pendingAt, pending);

        boolean called = policy.calls(expected, random);
        if (called) {
            Duration window = Duration.between(pendingAt, dueAt.minus(Duration.ofDays(2)));
            proactiveCall(WorkingTime.within(pendingAt.plus(Duration.ofHours(1)),
                    window.isNegative() ? Duration.ofHours(2) : window, random));
        }

        ObjectNode made = JSON.objectNode();
        made.put("outcome", outcome.code());
        events.add(DECISION_MADE, "esdh", decidedAt, made);

        CaseHistory history = new CaseHistory(outcome, inbound, longWaits, unresolved, handOffs, negativeFeedback,
                party.complainedBefore(decidedAt), delayed, party.temper());
        double propensity = model.propensity(history);
        double probability = model.probability(propensity, called);
        double draw = random.nextDouble();
        boolean wouldComplain = draw < propensity;
        // one draw for both worlds: a call can only prevent a complaint, never cause one
        boolean complained = draw < probability;

        if (Draw.chance(random, 0.3)) {
            feedback(WorkingTime.within(decidedAt.plus(Duration.ofHours(2)), Duration.ofDays(3), random), null, null,
                    afterDecisionMood(outcome, called), null);
        }
        String complaintKind = null;
        Instant complaintAt = null;
        if (complained) {
            boolean appeal = outcome.unfavourable() && Draw.chance(random, 0.85);
            complaintKind = appeal ? "decision_appeal" : "service_complaint";
            complaintAt = WorkingTime.within(decidedAt.plus(Duration.ofDays(1)), Duration.ofDays(24), random);
            if (Draw.chance(random, 0.35)) {
                // some say so in a survey first, which the platform can pick up as complaint intent
                feedback(WorkingTime.within(decidedAt.plus(Duration.ofHours(1)),
                        Duration.between(decidedAt, complaintAt).dividedBy(2), random), null, null,
                        afterDecisionMood(outcome, called) - 1, Tone.COMPLAINT_INTENT);
            }
            ObjectNode complaint = JSON.objectNode();
            complaint.put("complaintId", caseId + "-c1");
            complaint.put("kind", complaintKind);
            complaint.put("text", Texts.complaint(random, appeal, party.language()));
            events.add(COMPLAINT_FILED, "klager", complaintAt, complaint);
            party.complaints().add(complaintAt);
        }
        Instant closedAt = WorkingTime.within(decidedAt.plus(Duration.ofDays(1)), Duration.ofDays(4), random);
        events.add(CASE_CLOSED, "esdh", closedAt, JSON.objectNode());

        CaseTruth truth = new CaseTruth(caseId, department.code(), kind.code(), WorkingTime.seconds(openedAt),
                WorkingTime.seconds(pendingAt), expected, outcome, WorkingTime.seconds(decidedAt),
                WorkingTime.seconds(closedAt), inbound, longWaits, unresolved, handOffs, negativeFeedback,
                history.earlierComplaintByParty(), policy.eligible(expected), called, propensity, probability,
                wouldComplain, complained, complaintKind, complaintAt == null ? null : WorkingTime.seconds(complaintAt),
                true);
        return new Told(events.inTimeOrder(), truth);
    }

    private ObjectNode opened() {
        ObjectNode data = JSON.objectNode();
        data.put("caseType", kind.code());
        ObjectNode who = data.putObject("party");
        who.put("type", party.business() ? "business" : "citizen");
        who.put("id", party.id());
        who.put("name", party.name());
        who.put("preferredLanguage", party.language());
        data.put("caseworkerId", caseworker);
        data.put("team", kind.team());
        return data;
    }

    private Outcome outcome() {
        double draw = random.nextDouble();
        if (draw < kind.rejected()) {
            return Outcome.REJECTED;
        }
        return draw < kind.rejected() + kind.partial() ? Outcome.PARTIALLY_APPROVED : Outcome.APPROVED;
    }

    /** Caseworkers mostly know what is coming; sometimes they cannot tell, and now and then they are wrong. */
    private Outcome expectation(Outcome outcome) {
        double draw = random.nextDouble();
        if (draw < 0.85) {
            return outcome;
        }
        if (draw < 0.95) {
            return Outcome.UNKNOWN;
        }
        return outcome == Outcome.APPROVED ? Outcome.PARTIALLY_APPROVED : Outcome.APPROVED;
    }

    private void transfers(Instant before) {
        int count = Draw.chance(random, 0.18) ? (Draw.chance(random, 0.3) ? 2 : 1) : 0;
        for (int i = 0; i < count; i++) {
            Instant at = WorkingTime.within(openedAt.plus(Duration.ofHours(2)),
                    Duration.between(openedAt, before).dividedBy(2), random);
            ObjectNode data = JSON.objectNode();
            if (Draw.chance(random, 0.2)) {
                Department other = Draw.one(random, Catalogue.DEPARTMENTS.stream()
                        .filter(d -> !d.code().equals(department.code())).toList());
                data.put("toTeam", Draw.one(random, other.teams()));
                data.put("toDepartment", other.code());
            }
            else {
                List<String> others = department.teams().stream().filter(t -> !t.equals(kind.team())).toList();
                data.put("toTeam", Draw.one(random, others));
            }
            data.put("reason", Texts.transferReason(random));
            events.add(CASE_TRANSFERRED, "esdh", at, data);
            handOffs++;
        }
    }

    /** The citizen's own contacts; one not resolved is often followed by another within a few days. */
    private void contacts(Instant before) {
        double draw = random.nextDouble();
        int first = draw < 0.2 ? 0 : draw < 0.55 ? 1 : draw < 0.8 ? 2 : draw < 0.92 ? 3 : 4;
        PriorityQueue<Instant> queue = new PriorityQueue<>();
        Duration span = Duration.between(openedAt, before);
        for (int i = 0; i < first; i++) {
            queue.add(WorkingTime.within(openedAt.plus(Duration.ofMinutes(30)), span, random));
        }
        while (!queue.isEmpty() && contacts < 8) {
            Instant at = queue.poll();
            if (!at.isBefore(before)) {
                continue;
            }
            boolean resolved = contact(at, before);
            if (!resolved && Draw.chance(random, 0.55)) {
                queue.add(WorkingTime.within(at.plus(Duration.ofHours(20)), Duration.ofDays(4), random));
            }
        }
    }

    private boolean contact(Instant at, Instant decisionAt) {
        contacts++;
        String contactId = caseId + "-k" + contacts;
        Channel channel = Draw.weighted(random, department.channels());
        boolean live = LIVE.contains(channel);
        ObjectNode data = JSON.objectNode();
        data.put("contactId", contactId);
        data.put("channel", Catalogue.code(channel));
        data.put("direction", "inbound");
        int wait = switch (channel) {
            case PHONE -> (int) Draw.logNormal(random, 150 * department.waitFactor(), 1.0);
            case CHAT -> (int) Draw.logNormal(random, 45, 0.8);
            case IN_PERSON -> (int) Draw.logNormal(random, 240 * department.waitFactor(), 0.7);
            default -> -1;
        };
        if (wait >= 0) {
            data.put("waitSeconds", wait);
        }
        data.put("handlingSeconds", (int) Draw.logNormal(random, live ? 240 : 600, live ? 0.6 : 0.8));
        boolean longWait = wait > LONG_WAIT_SECONDS;
        boolean resolved = Draw.chance(random, (live ? 0.72 : 0.6) - (longWait ? 0.1 : 0));
        data.put("resolvedOnFirstContact", resolved);
        data.put("topic", Draw.one(random, kind.topics()));
        if (Draw.chance(random, 0.25)) {
            data.put("note", Texts.note(random, party));
        }
        data.put("caseworkerId", caseworker);
        events.add(CONTACT_RECORDED, "kontakt", at, data);

        inbound++;
        longWaits += longWait ? 1 : 0;
        unresolved += resolved ? 0 : 1;
        if (Draw.chance(random, 0.22)) {
            double mood = 0.8 * party.temper() + (longWait ? -1.2 : 0) + (resolved ? 0.3 : -0.9)
                    + 0.8 * random.nextGaussian();
            Instant answeredAt = at.plus(Duration.ofMinutes(60 + random.nextInt(47 * 60)));
            boolean negative = feedback(answeredAt, contactId, channel, mood, null);
            // only what the citizen said before the decision shapes the wish to complain about it
            negativeFeedback |= negative && answeredAt.isBefore(decisionAt);
        }
        return resolved;
    }

    private void proactiveCall(Instant at) {
        contacts++;
        ObjectNode data = JSON.objectNode();
        data.put("contactId", caseId + "-k" + contacts);
        data.put("channel", Catalogue.code(Channel.PHONE));
        data.put("direction", "outbound");
        data.put("handlingSeconds", 600 + random.nextInt(900));
        data.put("resolvedOnFirstContact", true);
        data.put("topic", "styrket-kontakt");
        data.put("note", "Proaktivt opkald før afgørelsen: forklaret sagens gang og den forventede afgørelse.");
        data.put("caseworkerId", caseworker);
        events.add(CONTACT_RECORDED, "kontakt", at, data);
    }

    private double afterDecisionMood(Outcome outcome, boolean called) {
        double byOutcome = switch (outcome) {
            case REJECTED -> -1.8;
            case PARTIALLY_APPROVED -> -0.9;
            default -> 0.6;
        };
        return 0.8 * party.temper() + byOutcome + (called ? 0.6 : 0) + 0.8 * random.nextGaussian();
    }

    /**
     * A survey answer with CSAT, CES and NPS that follow the person's mood, and perhaps a comment.
     *
     * @return whether the platform's rules would read it as negative (CSAT ≤ 2, NPS ≤ 6 or a negative comment)
     */
    private boolean feedback(Instant at, String contactId, Channel channel, double mood, Tone forced) {
        answers++;
        ObjectNode data = JSON.objectNode();
        data.put("feedbackId", caseId + "-f" + answers);
        if (contactId != null) {
            data.put("contactId", contactId);
            data.put("channel", Catalogue.code(channel));
        }
        boolean negative = false;
        boolean any = false;
        if (Draw.chance(random, 0.85)) {
            int csat = clamp(Math.round(3.8 + 0.9 * mood), 1, 5);
            data.put("csat", csat);
            negative |= csat <= 2;
            any = true;
        }
        if (Draw.chance(random, 0.85)) {
            data.put("ces", clamp(Math.round(2.6 - 1.1 * mood), 1, 7));
            any = true;
        }
        if (Draw.chance(random, 0.85)) {
            int nps = clamp(Math.round(7.4 + 1.8 * mood), 0, 10);
            data.put("nps", nps);
            negative |= nps <= 6;
            any = true;
        }
        Tone tone = forced != null ? forced : tone(mood);
        if (forced != null || Draw.chance(random, mood < -1.5 ? 0.6 : 0.3) || !any) {
            data.put("comment", Texts.comment(random, tone, party.language()));
            negative |= tone == Tone.NEGATIVE || tone == Tone.COMPLAINT_INTENT;
        }
        data.put("language", party.language());
        events.add(FEEDBACK_SUBMITTED, "survey", at, data);
        return negative;
    }

    private Tone tone(double mood) {
        if (mood > 0.8) {
            return Tone.POSITIVE;
        }
        if (mood > -0.8) {
            return Tone.NEUTRAL;
        }
        if (mood > -2.2) {
            return Tone.NEGATIVE;
        }
        return Draw.chance(random, 0.6) ? Tone.COMPLAINT_INTENT : Tone.NEGATIVE;
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
