package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code dk.servicepuls.task.completed.v1}: the call was made or given up.
 *
 * @param taskId       the task
 * @param outcome      how the call went
 * @param note         free text, at most 4000 characters; published masked
 * @param caseworkerId who completed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskCompleted(String taskId, Outcome outcome, String note, String caseworkerId) {

    public enum Outcome {
        /** Reached; the party accepts the decision or the matter is settled. */
        @JsonProperty("reached_resolved") REACHED_RESOLVED,
        /** Reached, but the party still intends to complain or appeal. */
        @JsonProperty("reached_complaint_expected") REACHED_COMPLAINT_EXPECTED,
        @JsonProperty("not_reached") NOT_REACHED,
        /** The party did not want the conversation. */
        @JsonProperty("declined") DECLINED
    }
}
