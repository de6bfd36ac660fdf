package dk.servicepuls.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.party.erasure-requested.v1}: the department asks the platform to erase everything it
 * holds of one party (GDPR article 17), in that department. Sent like any case event, with {@code party.id}; the
 * platform pseudonymises it at the door as everywhere else, erases the party's cases in contact-service before it
 * answers, and publishes the request with the cases it found, so that every other service erases them too and says
 * so with {@code party.erased.v1}.
 *
 * @param party  whose data is to be erased; published with {@code ref} (and {@code formerRef} during a change-over)
 * @param reason free text for the department's own records, at most 4000 characters; published masked
 * @param cases  set by the platform: the department's case ids opened for this party, as contact-service found them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartyErasureRequested(CaseOpened.Party party, String reason, List<String> cases) {

    public PartyErasureRequested {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }
}
