package dk.servicepuls.contact.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dk.servicepuls.platform.ingest.IngestedEvent;
import dk.servicepuls.platform.ingest.IngestedEvents;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases/{caseId}/timeline?department=…}: case ids are unique only within a department, and only a
 * token of that department with a Servicepuls role reads its timelines.
 */
@RestController
class TimelineController {

    private final IngestedEvents events;

    TimelineController(IngestedEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/cases/{caseId}/timeline")
    Timeline timeline(@PathVariable String caseId, @RequestParam String department, Caller caller) {
        // nobody sees another department's cases, not even that they exist
        caller.requireDepartment(department);
        List<IngestedEvent> found = events.caseTimeline(department, caseId);
        if (found.isEmpty()) {
            throw new NotFoundException("No case '" + caseId + "' in department '" + department + "'");
        }
        return new Timeline(caseId, department, found.stream().map(TimelineEntry::of).toList());
    }

    record Timeline(String caseId, String department, List<TimelineEntry> events) {
    }

    record TimelineEntry(String id, String source, String type, Instant time, Map<String, Object> data) {
        static TimelineEntry of(IngestedEvent event) {
            return new TimelineEntry(event.id().id(), event.id().source(), event.type(), event.time(), event.data());
        }
    }
}
