package dk.servicepuls.escalation.risk;

import java.time.Instant;

import dk.servicepuls.contracts.events.CaseOpened;
import dk.servicepuls.contracts.events.CaseTransferred;
import dk.servicepuls.contracts.events.ComplaintFiled;
import dk.servicepuls.contracts.events.ContactRecorded;
import dk.servicepuls.contracts.events.DecisionPending;
import dk.servicepuls.contracts.events.FeedbackAnalyzed;
import dk.servicepuls.contracts.events.FeedbackSubmitted;
import dk.servicepuls.escalation.caseevents.CaseEvent;

/**
 * What the risk model keeps of one event of a case: its identity, so a redelivery is recognised, and the few values
 * a factor looks at. Never free text, never the party: notes, comments and reasons stay out of the risk document.
 * Of an analysis it keeps the words that said a complaint is coming ({@code intentWords}, e.g. "klage over
 * afgørelsen"), which are the analysis lexicon's own and shown to the caseworker as the reason. Fields that do not
 * apply to the kind are {@code null}.
 */
record Fact(String source, String id, Kind kind, Instant time, DecisionPending.ExpectedOutcome expectedOutcome,
        Instant dueAt, Boolean inbound, Integer waitSeconds, Boolean resolvedOnFirstContact, Integer csat, Integer ces,
        Integer nps, Boolean negativeSentiment, Boolean complaintIntent, ComplaintFiled.Kind complaintKind,
        String caseworkerId, String team, String intentWords) {

    enum Kind {
        CASE_OPENED, CONTACT, DECISION_PENDING, DECISION_MADE, TRANSFER, CASE_CLOSED, FEEDBACK, ANALYSIS, COMPLAINT, OTHER
    }

    boolean sameEventAs(CaseEvent event) {
        return source.equals(event.source()) && id.equals(event.id());
    }

    static Fact of(CaseEvent event) {
        Fact fact = new Fact(event.source(), event.id(), Kind.OTHER, event.time(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        switch (event.type()) {
            case CASE_OPENED: {
                CaseOpened opened = event.data(CaseOpened.class);
                return opened == null ? fact.kind(Kind.CASE_OPENED)
                        : fact.kind(Kind.CASE_OPENED).assignedTo(opened.caseworkerId(), opened.team());
            }
            case CONTACT_RECORDED: {
                ContactRecorded contact = event.data(ContactRecorded.class);
                if (contact == null) {
                    return fact.kind(Kind.CONTACT);
                }
                return new Fact(fact.source, fact.id, Kind.CONTACT, fact.time, null, null,
                        contact.direction() == ContactRecorded.Direction.INBOUND, contact.waitSeconds(),
                        contact.resolvedOnFirstContact(), null, null, null, null, null, null, contact.caseworkerId(), null,
                        null);
            }
            case DECISION_PENDING: {
                DecisionPending pending = event.data(DecisionPending.class);
                return pending == null ? fact.kind(Kind.DECISION_PENDING)
                        : new Fact(fact.source, fact.id, Kind.DECISION_PENDING, fact.time, pending.expectedOutcome(),
                                pending.dueAt(), null, null, null, null, null, null, null, null, null,
                                pending.caseworkerId(), null, null);
            }
            case DECISION_MADE:
                return fact.kind(Kind.DECISION_MADE);
            case CASE_TRANSFERRED: {
                CaseTransferred transfer = event.data(CaseTransferred.class);
                return fact.kind(Kind.TRANSFER).assignedTo(null, transfer == null ? null : transfer.toTeam());
            }
            case CASE_CLOSED:
                return fact.kind(Kind.CASE_CLOSED);
            case FEEDBACK_SUBMITTED: {
                FeedbackSubmitted feedback = event.data(FeedbackSubmitted.class);
                return feedback == null ? fact.kind(Kind.FEEDBACK)
                        : new Fact(fact.source, fact.id, Kind.FEEDBACK, fact.time, null, null, null, null, null,
                                feedback.csat(), feedback.ces(), feedback.nps(), null, null, null, null, null, null);
            }
            case FEEDBACK_ANALYZED: {
                FeedbackAnalyzed analysis = event.data(FeedbackAnalyzed.class);
                return analysis == null ? fact.kind(Kind.ANALYSIS)
                        : new Fact(fact.source, fact.id, Kind.ANALYSIS, fact.time, null, null, null, null, null, null,
                                null, null, analysis.sentiment() == FeedbackAnalyzed.Sentiment.NEGATIVE,
                                analysis.complaintIntent(), null, null, null, intentWords(analysis));
            }
            case COMPLAINT_FILED: {
                ComplaintFiled complaint = event.data(ComplaintFiled.class);
                return new Fact(fact.source, fact.id, Kind.COMPLAINT, fact.time, null, null, null, null, null, null,
                        null, null, null, null, complaint == null ? null : complaint.kind(), null, null,
                        null);
            }
            default:
                // risk.assessed, task.* and survey invitations are the platform's own doings, not signs of the case
                return fact;
        }
    }

    /** The intent signals' words ({@code appeal:klage over afgørelsen} → klage over afgørelsen), or {@code null}. */
    private static String intentWords(FeedbackAnalyzed analysis) {
        if (!analysis.complaintIntent() || analysis.signals() == null) {
            return null;
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String signal : analysis.signals()) {
            int colon = signal.indexOf(':');
            String kind = colon > 0 ? signal.substring(0, colon) : "";
            if (colon > 0 && !kind.equals("positive") && !kind.equals("negative") && words.size() < 3) {
                words.add(signal.substring(colon + 1));
            }
        }
        return words.isEmpty() ? null : String.join(", ", words);
    }

    private Fact kind(Kind kind) {
        return new Fact(source, id, kind, time, expectedOutcome, dueAt, inbound, waitSeconds, resolvedOnFirstContact,
                csat, ces, nps, negativeSentiment, complaintIntent, complaintKind, caseworkerId, team, intentWords);
    }

    private Fact assignedTo(String caseworkerId, String team) {
        return new Fact(source, id, kind, time, expectedOutcome, dueAt, inbound, waitSeconds, resolvedOnFirstContact,
                csat, ces, nps, negativeSentiment, complaintIntent, complaintKind, caseworkerId, team, intentWords);
    }
}
