package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code dk.servicepuls.task.escalated.v1}: the SLA ladder moved an overdue task up.
 *
 * @param taskId      the task
 * @param escalatedTo the rung it now sits on
 * @param reason      why, e.g. {@code not_claimed_in_time}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEscalated(String taskId, EscalatedTo escalatedTo, String reason) {

    public enum EscalatedTo {
        @JsonProperty("team_lead") TEAM_LEAD,
        @JsonProperty("department_head") DEPARTMENT_HEAD
    }
}
