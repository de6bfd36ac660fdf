package dk.servicepuls.analytics.kpis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.contracts.EventType;

/** Writes the facts of small hand-made cases for the formula tests. */
final class CaseFacts {

    static final String DEPARTMENT = "borgerservice";

    private final List<EventFact> facts = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    CaseFacts opened(String caseKey, String at, String team) {
        return add(EventType.CASE_OPENED, caseKey, at, FactValues.TEAM, team);
    }

    CaseFacts inbound(String caseKey, String at, double waitSeconds, boolean resolved) {
        return add(EventType.CONTACT_RECORDED, caseKey, at, FactValues.DIRECTION, "inbound", FactValues.CHANNEL, "phone",
                FactValues.WAIT_SECONDS, waitSeconds, FactValues.RESOLVED_ON_FIRST_CONTACT, resolved);
    }

    CaseFacts proactiveCall(String caseKey, String at) {
        return add(EventType.CONTACT_RECORDED, caseKey, at, FactValues.DIRECTION, "outbound", FactValues.CHANNEL, "phone",
                FactValues.PROACTIVE_CALL, true);
    }

    CaseFacts answer(String caseKey, String at, Object... scores) {
        return add(EventType.FEEDBACK_SUBMITTED, caseKey, at, scores);
    }

    CaseFacts analysed(String caseKey, String at, String sentiment, boolean intent, List<String> topics) {
        return add(EventType.FEEDBACK_ANALYZED, caseKey, at, FactValues.SENTIMENT, sentiment, FactValues.COMPLAINT_INTENT,
                intent, FactValues.TOPICS, topics);
    }

    CaseFacts pending(String caseKey, String at, String expected) {
        return add(EventType.DECISION_PENDING, caseKey, at, FactValues.EXPECTED_OUTCOME, expected);
    }

    CaseFacts decided(String caseKey, String at, String outcome) {
        return add(EventType.DECISION_MADE, caseKey, at, FactValues.OUTCOME, outcome);
    }

    CaseFacts complaint(String caseKey, String at, String kind) {
        return add(EventType.COMPLAINT_FILED, caseKey, at, FactValues.KIND, kind);
    }

    CaseFacts transferred(String caseKey, String at, String toTeam, String toDepartment) {
        return toDepartment == null ? add(EventType.CASE_TRANSFERRED, caseKey, at, FactValues.TO_TEAM, toTeam)
                : add(EventType.CASE_TRANSFERRED, caseKey, at, FactValues.TO_TEAM, toTeam, FactValues.TO_DEPARTMENT,
                        toDepartment);
    }

    CaseFacts closed(String caseKey, String at) {
        return add(EventType.CASE_CLOSED, caseKey, at);
    }

    CaseFacts task(String caseKey, String at, String dueAt) {
        return add(EventType.TASK_CREATED, caseKey, at, FactValues.TRIGGER, "decision_pending", FactValues.DUE_AT,
                Instant.parse(dueAt));
    }

    CaseFacts taskCompleted(String caseKey, String at, String outcome) {
        return add(EventType.TASK_COMPLETED, caseKey, at, FactValues.OUTCOME, outcome);
    }

    List<EventFact> facts() {
        return List.copyOf(facts);
    }

    CaseLedger ledger() {
        CaseLedger ledger = new CaseLedger();
        ledger.add(facts());
        return ledger;
    }

    private CaseFacts add(EventType type, String caseKey, String at, Object... values) {
        Map<String, Object> byName = new HashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            if (values[i + 1] != null) {
                // a value given as null is a field the event left out
                byName.put((String) values[i], values[i + 1]);
            }
        }
        facts.add(new EventFact("/test", "e-" + ids.incrementAndGet(), type.type(), DEPARTMENT, Instant.parse(at), caseKey,
                byName));
        return this;
    }
}
