package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Data of {@code dk.servicepuls.decision.pending.v1}: a decision on the case is coming; the moment for a
 * proactive call when the expected outcome is unfavourable.
 *
 * @param expectedOutcome what the caseworker expects the decision to be
 * @param dueAt           when the decision is expected to go out
 * @param caseworkerId    the department's id of the deciding caseworker, if known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionPending(ExpectedOutcome expectedOutcome, Instant dueAt, String caseworkerId) {

    public enum ExpectedOutcome {
        @JsonProperty("approved") APPROVED,
        @JsonProperty("partially_approved") PARTIALLY_APPROVED,
        @JsonProperty("rejected") REJECTED,
        @JsonProperty("unknown") UNKNOWN
    }
}
