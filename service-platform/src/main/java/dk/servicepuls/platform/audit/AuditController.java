package dk.servicepuls.platform.audit;

import java.util.List;

import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.security.ForbiddenException;
import dk.servicepuls.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit?department=…[&before=…][&limit=…]}: the department's entries, the newest first, a page at
 * a time ({@code next} is the {@code before} of the next page); {@code GET /api/v1/audit/verification?department=…}:
 * whether the chain holds. For the department's managers only; reading the trail is itself an entry.
 */
@RestController
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    record AuditPage(String department, List<AuditEntry> entries, Long next) {
    }

    @GetMapping("/api/v1/audit")
    AuditPage entries(@RequestParam String department, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") int limit, Caller caller) {
        requireManager(caller, department);
        if (limit < 1 || limit > MAX_LIMIT || (before != null && before < 1)) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and before at least 1");
        }
        List<AuditEntry> entries = trail.page(department, before, limit);
        Long next = entries.isEmpty() || entries.get(entries.size() - 1).seq() == 1 ? null
                : entries.get(entries.size() - 1).seq();
        return new AuditPage(department, entries, next);
    }

    @GetMapping("/api/v1/audit/verification")
    AuditTrail.Verification verification(@RequestParam String department, Caller caller) {
        requireManager(caller, department);
        return trail.verify(department);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidQuery(IllegalArgumentException e) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "invalid-audit-query", "Invalid request",
                e.getMessage()));
    }

    private static void requireManager(Caller caller, String department) {
        caller.requireDepartment(department);
        if (!caller.hasRole(Caller.MANAGER)) {
            throw new ForbiddenException("The audit trail is for the department's managers");
        }
    }
}
