package dk.servicepuls.platform.audit;

import java.util.List;

import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.security.ForbiddenException;
import dk.servicepuls.platform.web.InvalidRequestException;
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
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must be 1 to " + MAX_LIMIT, "limit");
        }
        if (before != null && before < 1) {
            throw invalid("before must be at least 1", "before");
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

    private static InvalidRequestException invalid(String detail, String parameter) {
        return new InvalidRequestException("invalid-audit-query", "Invalid audit query", detail, "parameter", parameter);
    }

    private static void requireManager(Caller caller, String department) {
        caller.requireDepartment(department);
        if (!caller.hasRole(Caller.MANAGER)) {
            throw new ForbiddenException("The audit trail is for the department's managers");
        }
    }
}
