package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.contracts.events.RiskAssessed;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.platform.web.NotFoundException;
import dk.servicepuls.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/cases/{caseId}/risk?department=…}: case ids are unique only within a department. */
@RestController
class RiskController {

    private final CaseRiskStore store;

    RiskController(CaseRiskStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/cases/{caseId}/risk")
    CaseRiskView risk(@PathVariable String caseId, @RequestParam String department, Caller caller) {
        // nobody sees another department's cases, not even that they exist
        caller.requireDepartment(department);
        CaseRisk risk = store.find(department, caseId)
                .orElseThrow(() -> new NotFoundException("No events of this case have reached escalation-service"));
        Assessment current = risk.current();
        return new CaseRiskView(risk.department(), risk.caseId(), current.score(), current.level(), current.factors(),
                current.modelVersion(), current.assessedAt(), risk.history());
    }

    /** The current assessment, and each change of score or level oldest first; never the party. */
    record CaseRiskView(String department, String caseId, int score, RiskLevel level, List<RiskAssessed.Factor> factors,
            String modelVersion, Instant assessedAt, List<Assessment> history) {
    }
}
