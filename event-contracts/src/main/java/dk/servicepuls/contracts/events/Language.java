package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Language of a party, a survey answer or a text: ISO 639-1 code. */
public enum Language {
    @JsonProperty("da") DA,
    @JsonProperty("en") EN
}
