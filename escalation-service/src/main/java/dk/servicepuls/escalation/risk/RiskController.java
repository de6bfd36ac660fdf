package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import dk.servicepuls.contracts.events.RiskAssessed;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases/{caseId}/risk?department=…}: case ids are unique only within a department. A case the
 * caller may not see ({@link Caller#seesCase}, the rule of the tasks: its team, or the caseworker it names) answers
 * 404 like a missing one.
 */
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
        CaseRisk risk = store.find(department, caseId).filter(found -> visible(caller, found))
                .orElseThrow(() -> new NotFoundException("No events of this case have reached escalation-service"));
        Assessment current = risk.current();
        return new CaseRiskView(risk.department(), risk.caseId(), current.score(), current.level(), current.factors(),
                current.modelVersion(), current.assessedAt(), risk.history());
    }

    private static boolean visible(Caller caller, CaseRisk risk) {
        CaseFacts facts = risk.caseFacts();
        return caller.seesCase(risk.department(), facts.team(), Collections.singletonList(facts.caseworkerId()));
    }

    /** The current assessment, and each change of score or level oldest first; never the party. */
    record CaseRiskView(String department, String caseId, int score, RiskLevel level, List<RiskAssessed.Factor> factors,
            String modelVersion, Instant assessedAt, List<Assessment> history) {
    }
}
