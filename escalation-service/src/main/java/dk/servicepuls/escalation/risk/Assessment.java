package dk.servicepuls.escalation.risk;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.contracts.events.RiskAssessed;
import dk.servicepuls.contracts.events.RiskLevel;

/** One computation of a case's risk, as stored, shown and announced. */
record Assessment(int score, RiskLevel level, List<RiskAssessed.Factor> factors, String modelVersion, Instant assessedAt) {

    static final Assessment NONE = new Assessment(0, RiskLevel.LOW, List.of(), null, null);

    Assessment {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** Only score and level count as a change: the same points for other reasons are not news. */
    boolean differsFrom(Assessment other) {
        return score != other.score || level != other.level;
    }

    RiskAssessed announcement() {
        return new RiskAssessed(score, level, factors, modelVersion);
    }
}
