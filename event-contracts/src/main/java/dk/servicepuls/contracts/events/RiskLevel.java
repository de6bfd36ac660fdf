package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Banded complaint risk of a case. */
public enum RiskLevel {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH
}
