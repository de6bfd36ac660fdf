package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dk.servicepuls.contracts.events.RiskAssessed;
import org.springframework.stereotype.Component;

/**
 * A case's current risk and its history for the web inbox, which is a feature package of its own. It shows the same
 * as {@code GET /api/v1/cases/{caseId}/risk}: factors with their reasons, never the party.
 */
@Component
public class CaseRiskSummaries {

    private final CaseRiskStore store;

    CaseRiskSummaries(CaseRiskStore store) {
        this.store = store;
    }

    /** Empty when none of the case's events has reached escalation-service. */
    public Optional<Summary> of(String department, String caseId) {
        return store.find(department, caseId).map(risk -> {
            Assessment current = risk.current();
            return new Summary(current.score(), level(current), current.factors(), current.modelVersion(),
                    current.assessedAt(), risk.history().stream()
                            .map(past -> new Change(past.assessedAt(), past.score(), level(past))).toList());
        });
    }

    private static String level(Assessment assessment) {
        return assessment.level() == null ? null : assessment.level().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param factors largest contribution first, each with its Danish and English reason
     * @param history each change of score or level, oldest first
     */
    public record Summary(int score, String level, List<RiskAssessed.Factor> factors, String modelVersion,
            Instant assessedAt, List<Change> history) {
    }

    public record Change(Instant at, int score, String level) {
    }
}
