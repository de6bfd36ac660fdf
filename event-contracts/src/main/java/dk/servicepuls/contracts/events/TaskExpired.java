package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.task.expired.v1}: the task lost its point before it was completed.
 *
 * @param taskId the task
 * @param reason why, e.g. {@code decision_made} or {@code case_closed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskExpired(String taskId, String reason) {
}
