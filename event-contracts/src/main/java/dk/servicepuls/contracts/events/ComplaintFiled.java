package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code dk.servicepuls.complaint.filed.v1}: a formal complaint or appeal, the outcome the platform
 * exists to prevent.
 *
 * @param complaintId unique per source
 * @param kind        an appeal of a decision or a complaint about the service
 * @param text        free text, at most 4000 characters; published masked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintFiled(String complaintId, Kind kind, String text) {

    public enum Kind {
        @JsonProperty("decision_appeal") DECISION_APPEAL,
        @JsonProperty("service_complaint") SERVICE_COMPLAINT
    }
}
