package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code dk.servicepuls.decision.made.v1}: the decision went out.
 *
 * @param outcome what was decided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionMade(Outcome outcome) {

    public enum Outcome {
        @JsonProperty("approved") APPROVED,
        @JsonProperty("partially_approved") PARTIALLY_APPROVED,
        @JsonProperty("rejected") REJECTED
    }
}
