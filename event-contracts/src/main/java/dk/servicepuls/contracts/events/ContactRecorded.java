package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code dk.servicepuls.contact.recorded.v1}: one contact between the department and a citizen or
 * business, on a case ({@code subject}) or not.
 *
 * @param contactId              the department's id of the contact, unique per source
 * @param channel                where the contact happened
 * @param direction              who took the initiative
 * @param waitSeconds            queue time before the contact was answered, if measured
 * @param handlingSeconds        time spent on the contact, if measured
 * @param resolvedOnFirstContact whether the matter was settled in this contact, if known
 * @param topic                  the department's topic label, e.g. {@code pas}
 * @param note                   free text, at most 4000 characters; published with CPR numbers, phone numbers
 *                               and e-mail addresses masked
 * @param caseworkerId           the department's id of the caseworker who handled it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactRecorded(
        String contactId,
        Channel channel,
        Direction direction,
        Integer waitSeconds,
        Integer handlingSeconds,
        Boolean resolvedOnFirstContact,
        String topic,
        String note,
        String caseworkerId) {

    public enum Direction {
        @JsonProperty("inbound") INBOUND,
        @JsonProperty("outbound") OUTBOUND
    }
}
