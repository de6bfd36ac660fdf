package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code dk.servicepuls.task.created.v1}: a proactive call (Styrket Kontakt) was put in an inbox.
 *
 * @param taskId        unique task id
 * @param trigger       why the task exists
 * @param dueAt         when the call must have been made
 * @param decisionDueAt when the pending decision goes out, for a {@code decision_pending} task
 * @param caseworkerId  the caseworker it is assigned to, if any
 * @param team          the team whose inbox it is in
 * @param riskScore     the case's risk score (0 to 100) when the task was created
 * @param riskLevel     the band of that score
 * @param reasons       risk factor codes behind the task, largest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskCreated(
        String taskId,
        Trigger trigger,
        Instant dueAt,
        Instant decisionDueAt,
        String caseworkerId,
        String team,
        int riskScore,
        RiskLevel riskLevel,
        List<String> reasons) {

    public enum Trigger {
        @JsonProperty("decision_pending") DECISION_PENDING,
        @JsonProperty("complaint_intent") COMPLAINT_INTENT
    }
}
