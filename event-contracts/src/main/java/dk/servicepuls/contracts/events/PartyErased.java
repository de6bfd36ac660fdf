package dk.servicepuls.contracts.events;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.party.erased.v1}: one service has erased what it held of the party named by an
 * erasure request; every service that holds data publishes one per request, on {@code privacy.erasures}.
 *
 * @param requestSource the erasure request's {@code source}
 * @param requestId     the erasure request's {@code id}
 * @param service       the service that erased, e.g. {@code escalation-service}
 * @param erased        what it erased, by kind of data (its store's collections): how many documents; a kind with
 *                      nothing of the party is absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartyErased(String requestSource, String requestId, String service, Map<String, Long> erased) {

    public PartyErased {
        erased = erased == null ? Map.of() : Map.copyOf(erased);
    }
}
