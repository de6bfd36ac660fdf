package dk.servicepuls.benchmark.load;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Interleaves many cases, each walking through case.opened, contact.recorded, decision.pending (an expected
 * rejection), decision.made and case.closed, so that the five types come in equal shares and every case's events
 * come in order.
 */
public final class SyntheticCaseLifecycles implements MixedLoad {

    private static final int STEPS = 5;

    private final String tag;
    private final CaseEvents events;
    private final int interleaved;
    private final Deque<long[]> active = new ArrayDeque<>();
    private long nextCase;
    private long nextEvent;

    /** @param interleaved how many cases are under way at once */
    public SyntheticCaseLifecycles(String tag, CaseEvents events, int interleaved) {
        this.tag = tag;
        this.events = events;
        this.interleaved = interleaved;
    }

    @Override
    public GeneratedEvent next() {
        while (active.size() < interleaved) {
            active.addLast(new long[] {nextCase++, 0});
        }
        long[] lifecycle = active.pollFirst();
        long caseNumber = lifecycle[0];
        int step = (int) lifecycle[1];
        String id = EventIds.of(tag, nextEvent++);
        String caseId = CaseEvents.caseId(tag, caseNumber);
        String department = CaseEvents.department(caseNumber);
        GeneratedEvent event = switch (step) {
            case 0 -> events.caseOpened(id, caseId, department);
            case 1 -> events.contactRecorded(id, caseId, department);
            case 2 -> events.rejectionPending(id, caseId, department);
            case 3 -> events.decisionMade(id, caseId, department);
            default -> events.caseClosed(id, caseId, department);
        };
        if (step + 1 < STEPS) {
            lifecycle[1] = step + 1;
            active.addLast(lifecycle);
        }
        return event;
    }
}
