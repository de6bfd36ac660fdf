package dk.servicepuls.platform.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.servicepuls.platform.erasure.ErasureRequest;
import dk.servicepuls.platform.erasure.PartyDataEraser;

/** The retention of a service that can name its closed cases: every eraser of the service takes them. */
public class ClosedCasesErasure implements ExpiredData {

    static final String SOURCE = "/servicepuls/retention";

    private final ClosedCases closed;
    private final List<PartyDataEraser> erasers;
    private final Clock clock;

    public ClosedCasesErasure(ClosedCases closed, List<PartyDataEraser> erasers, Clock clock) {
        this.closed = closed;
        this.erasers = List.copyOf(erasers);
        this.clock = clock;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.CASES;
    }

    @Override
    public long eraseBefore(DepartmentScope scope, Instant cutoff, int limit) {
        Map<String, List<String>> byDepartment = closed.closedBefore(scope, cutoff, limit).stream()
                .collect(Collectors.groupingBy(ClosedCases.ClosedCase::department, LinkedHashMap::new,
                        Collectors.mapping(ClosedCases.ClosedCase::caseId, Collectors.toList())));
        Instant now = clock.instant();
        long erased = 0;
        for (Map.Entry<String, List<String>> department : byDepartment.entrySet()) {
            ErasureRequest expired = new ErasureRequest(SOURCE, "closed-before-" + cutoff, department.getKey(),
                    Set.of(), department.getValue(), now);
            erasers.forEach(eraser -> eraser.erase(expired));
            erased += department.getValue().size();
        }
        return erased;
    }
}
