package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code dk.servicepuls.case.transferred.v1}: a hand-off between teams or departments, counted as a
 * silo signal.
 *
 * @param toTeam       the receiving team
 * @param toDepartment the receiving department code, when the case leaves the department
 * @param reason       free text, at most 4000 characters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseTransferred(String toTeam, String toDepartment, String reason) {
}
