package dk.servicepuls.escalation.risk;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk model's settings. Changing a weight or threshold changes what scores mean: raise {@code modelVersion}
 * with it, so that scores from different models are never compared blindly.
 *
 * @param modelVersion published with every assessment
 * @param levels       where medium and high begin
 * @param weights      the points each factor adds
 * @param thresholds   when a fact counts as a factor
 */
@ConfigurationProperties("servicepuls.risk")
record RiskProperties(@DefaultValue("2026.11-1") String modelVersion, @DefaultValue Levels levels,
        @DefaultValue Weights weights, @DefaultValue Thresholds thresholds) {

    /** A score at or above {@code medium} is medium, at or above {@code high} is high. */
    record Levels(@DefaultValue("40") int medium, @DefaultValue("70") int high) {

        Levels {
            if (medium > high) {
                throw new IllegalArgumentException("servicepuls.risk.levels.medium must not exceed high");
            }
        }
    }

    /**
     * @param handOff    points per hand-off, up to {@code handOffsCap} in all
     * @param rejectionPending points for an expected rejection; a partial approval weighs
     *                   {@code partialApprovalPending}
     */
    record Weights(@DefaultValue("40") int rejectionPending, @DefaultValue("25") int partialApprovalPending,
            @DefaultValue("15") int negativeFeedback, @DefaultValue("25") int complaintIntent,
            @DefaultValue("30") int serviceComplaint, @DefaultValue("20") int decisionAppeal,
            @DefaultValue("15") int repeatedContacts, @DefaultValue("10") int longWaits,
            @DefaultValue("10") int highEffort, @DefaultValue("10") int notResolvedFirstContact,
            @DefaultValue("5") int handOff, @DefaultValue("15") int handOffsCap,
            @DefaultValue("10") int caseOlderThanTypical, @DefaultValue("15") int earlierComplaintsByParty) {
    }

    /**
     * @param negativeFeedbackFromScores whether low survey scores count as negative feedback; for as long as
     *                                   feedback-service publishes no analyses
     * @param lowCsat                    a CSAT at or below this is negative feedback
     * @param lowNps                     an NPS at or below this (a detractor) is negative feedback
     * @param repeatedContacts           this many inbound contacts within {@code repeatedContactsWindow}, counted by
     *                                   event time, are repeated contacts
     * @param longWait                   a wait longer than this is a long wait
     * @param highEffortCes              a CES at or above this is high effort
     * @param typicalCaseAge             how old a case typically gets, for departments not in
     *                                   {@code typicalCaseAgeByDepartment} (write codes with dots as {@code "[a.b]"})
     */
    record Thresholds(@DefaultValue("true") boolean negativeFeedbackFromScores, @DefaultValue("2") int lowCsat,
            @DefaultValue("6") int lowNps, @DefaultValue("3") int repeatedContacts,
            @DefaultValue("14d") Duration repeatedContactsWindow, @DefaultValue("600s") Duration longWait,
            @DefaultValue("5") int highEffortCes, @DefaultValue("30d") Duration typicalCaseAge,
            Map<String, Duration> typicalCaseAgeByDepartment) {

        Thresholds {
            typicalCaseAgeByDepartment = typicalCaseAgeByDepartment == null ? Map.of()
                    : Map.copyOf(typicalCaseAgeByDepartment);
        }

        Duration typicalCaseAge(String department) {
            return typicalCaseAgeByDepartment.getOrDefault(department, typicalCaseAge);
        }
    }
}
