package dk.servicepuls.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.task.held-out.v1}: the case was eligible for a proactive call but is kept in the
 * control group, so it gets none; announced once per case, the first time it is eligible. Against these cases the
 * effect of the calls can be measured without the bias of who gets called.
 *
 * @param trigger      what made it eligible: {@code decision_pending} or {@code complaint_intent}
 * @param reasons      the codes of the risk factors, as a task would have carried them
 * @param holdoutShare the share of eligible cases held out when this one was (0 to 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskHeldOut(TaskCreated.Trigger trigger, List<String> reasons, Double holdoutShare) {
}
