package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Data of {@code dk.servicepuls.case.closed.v1}: the case ({@code subject}) is closed. It carries no fields;
 * {@code data} may be {@code {}} or absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClosed() {
}
