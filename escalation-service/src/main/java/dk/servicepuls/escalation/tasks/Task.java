package dk.servicepuls.escalation.tasks;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dk.servicepuls.contracts.events.TaskCreated;
import org.springframework.data.annotation.Id;

/** A proactive call a caseworker is to make, as kept in the store and shown in the inbox. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Task(@Id String taskId, String department, String caseId, TaskCreated.Trigger trigger, Instant createdAt,
        Instant dueAt, Instant decisionDueAt, String caseworkerId, Status status) {

    enum Status {
        @JsonProperty("open") OPEN
    }
}
