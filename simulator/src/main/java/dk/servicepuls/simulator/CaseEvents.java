package dk.servicepuls.simulator;

import dk.servicepuls.contracts.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Collects one case's events, giving each an id that is unique per source and stable for a seed. */
final class CaseEvents {

    private static final String MUNICIPALITY = "/sim-kommune/";

    private final String caseId;
    private final String department;
    private final List<SimulatedEvent> events = new ArrayList<>();

    CaseEvents(String caseId, String department) {
        this.caseId = caseId;
        this.department = department;
    }

    /**
     * @param system the department system that sends it, the last part of the source: {@code esdh} (case
     *               management), {@code kontakt} (telephony and contact log), {@code survey}, {@code klager}
     */
    void add(EventType type, String system, Instant time, ObjectNode data) {
        String id = String.format("%s-%02d", caseId, events.size() + 1);
        events.add(new SimulatedEvent(type, id, MUNICIPALITY + department + "/" + system, WorkingTime.seconds(time),
                caseId, department, data));
    }

    /** The events by time; a stable sort, so events at the same second keep the order the story told them in. */
    List<SimulatedEvent> inTimeOrder() {
        List<SimulatedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SimulatedEvent::time));
        return sorted;
    }
}
