package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Data of {@code dk.servicepuls.risk.assessed.v1}: the complaint risk of the case ({@code subject}) after an
 * event changed it.
 *
 * @param score        0 to 100
 * @param level        the band the score falls in
 * @param factors      what contributed, largest first
 * @param modelVersion the risk model that computed it, so scores from different models are never compared blindly
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskAssessed(int score, RiskLevel level, List<Factor> factors, String modelVersion) {

    /**
     * One contribution to the score, explained for the caseworker in both languages.
     *
     * @param code         stable factor code, e.g. {@code rejection_expected}
     * @param contribution points this factor added to the score
     * @param reasonDa     explanation in Danish
     * @param reasonEn     explanation in English
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Factor(String code, double contribution, String reasonDa, String reasonEn) {
    }
}
