package dk.servicepuls.benchmark.load;

/**
 * The events of the throughput phases: a case.opened and then a contact.recorded per case, numbered from 0, so that
 * event {@code n} of a phase has the id {@code <tag>-n}.
 */
public final class IngestPairs {

    private final String tag;
    private final CaseEvents events;

    public IngestPairs(String tag, CaseEvents events) {
        this.tag = tag;
        this.events = events;
    }

    public String tag() {
        return tag;
    }

    public GeneratedEvent event(long number) {
        long caseNumber = number / 2;
        String caseId = CaseEvents.caseId(tag, caseNumber);
        String department = CaseEvents.department(caseNumber);
        String id = EventIds.of(tag, number);
        return number % 2 == 0 ? events.caseOpened(id, caseId, department)
                : events.contactRecorded(id, caseId, department);
    }
}
