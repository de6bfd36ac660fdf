package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.task.cancelled.v1}: the task was closed without a call because the case was closed
 * first. Added to the contract beside task.expired (the decision was made first) so that every task transition is
 * announced; see CONTRACT.md.
 *
 * @param taskId the task
 * @param reason why, e.g. {@code case_closed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskCancelled(String taskId, String reason) {
}
