package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.task.claimed.v1}: a caseworker took the task.
 *
 * @param taskId       the task
 * @param caseworkerId who claimed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskClaimed(String taskId, String caseworkerId) {
}
