package dk.servicepuls.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code dk.servicepuls.case.opened.v1}: a department opened a case.
 *
 * @param caseType     the department's own case category, e.g. {@code byggetilladelse}
 * @param party        who the case is about, or {@code null} when not known
 * @param caseworkerId the department's id of the responsible caseworker, if assigned
 * @param team         the responsible team, if assigned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(String caseType, Party party, String caseworkerId, String team) {

    /**
     * The citizen or business a case is about, as published. At the door the schema also accepts {@code id}
     * (CPR, CVR or a local id), {@code name} and {@code phone}; the platform replaces {@code id} by the keyed
     * pseudonym {@code ref} and drops the rest, so they never reach a topic and this record has no place for them.
     *
     * @param type              citizen or business
     * @param ref               keyed pseudonym of the party's id in the case's department, set by the platform;
     *                          {@code null} when no id was sent
     * @param formerRef         the organisation-wide pseudonym the party had before per-department keys, set only
     *                          while a deployment changes over ({@code servicepuls.privacy.former-party-refs-until}),
     *                          so that a consumer can link the case to what it stored under that one
     * @param preferredLanguage the language to call the party in, if known
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(Type type, String ref, String formerRef, Language preferredLanguage) {

        public Party(Type type, String ref, Language preferredLanguage) {
            this(type, ref, null, preferredLanguage);
        }

        public enum Type {
            @JsonProperty("citizen") CITIZEN,
            @JsonProperty("business") BUSINESS
        }
    }
}
