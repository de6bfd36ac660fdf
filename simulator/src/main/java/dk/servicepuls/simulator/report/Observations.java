package dk.servicepuls.simulator.report;

import dk.servicepuls.contracts.EventType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Per case id, what escalation-service published; fed one event at a time, in any order. */
public final class Observations {

    private final Map<String, CaseObservation> byCase = new HashMap<>();
    private long events;

    /** Takes one event from {@code escalation.events}; types other than task.created and risk.assessed are ignored. */
    public void add(String type, String caseId, JsonNode data) {
        if (caseId == null || data == null) {
            return;
        }
        events++;
        Optional<EventType> known = EventType.fromType(type);
        if (known.isEmpty()) {
            return;
        }
        CaseObservation seen = byCase.getOrDefault(caseId, CaseObservation.NOTHING);
        if (known.get() == EventType.TASK_CREATED) {
            byCase.put(caseId, seen.withTask(data.path("trigger").asString("")));
        }
        else if (known.get() == EventType.RISK_ASSESSED) {
            boolean pending = false;
            for (JsonNode factor : data.path("factors")) {
                pending |= "unfavourable_decision_pending".equals(factor.path("code").asString(""));
            }
            byCase.put(caseId, seen.withRisk(data.path("score").asInt(), data.path("level").asString(""), pending));
        }
    }

    public CaseObservation of(String caseId) {
        return byCase.getOrDefault(caseId, CaseObservation.NOTHING);
    }

    /** Events read, of any type. */
    public long events() {
        return events;
    }
}
