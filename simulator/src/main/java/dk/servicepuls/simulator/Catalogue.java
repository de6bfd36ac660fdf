package dk.servicepuls.simulator;

import dk.servicepuls.contracts.events.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated municipality's organisation: departments, their teams and caseworkers, case types with typical
 * durations and decision shares, and the channels their citizens use. Borgerservice's team {@code ydelse-1} has the
 * local mode's demo caseworkers, so that signing in as {@code caseworker1} shows simulated tasks.
 */
final class Catalogue {

    /**
     * @param typicalDays   median time from opening to the decision going out
     * @param rejected      share of decisions that are rejections
     * @param partial       share that are partial approvals
     * @param businessShare share of parties that are businesses
     */
    record CaseKind(String code, String team, double typicalDays, double rejected, double partial,
            double businessShare, List<String> topics) {
    }

    /**
     * @param prefix      the case-id prefix, e.g. {@code BS} in {@code BS-KQXT-000042}
     * @param weight      share of all cases
     * @param waitFactor  how much longer than usual the telephone queue is
     */
    record Department(String code, String prefix, double weight, double waitFactor, List<CaseKind> kinds,
            Map<String, List<String>> caseworkers, Map<Channel, Double> channels) {

        List<String> teams() {
            return List.copyOf(caseworkers.keySet());
        }
    }

    private static final Map<Channel, Double> CITIZEN_CHANNELS = channels(Map.of(Channel.PHONE, 0.45, Channel.EMAIL, 0.14,
            Channel.WEB_FORM, 0.12, Channel.DIGITAL_POST, 0.10, Channel.IN_PERSON, 0.08, Channel.CHAT, 0.06,
            Channel.SELF_SERVICE, 0.05));

    static final List<Department> DEPARTMENTS = List.of(
            new Department("borgerservice", "BS", 0.35, 1.0, List.of(
                    new CaseKind("enkeltydelse", "ydelse-1", 14, 0.35, 0.15, 0.0, List.of("status", "dokumentation", "udbetaling")),
                    new CaseKind("boligstoette", "ydelse-1", 21, 0.25, 0.20, 0.0, List.of("status", "beregning", "dokumentation")),
                    new CaseKind("personligt-tillaeg", "ydelse-2", 18, 0.40, 0.15, 0.0, List.of("status", "formue", "dokumentation")),
                    new CaseKind("pas", "pas-og-koerekort", 7, 0.04, 0.0, 0.0, List.of("tidsbestilling", "status"))),
                    sorted(Map.of("ydelse-1", List.of("caseworker1", "caseworker2", "bs-ydelse1-3"),
                            "ydelse-2", List.of("bs-ydelse2-1", "bs-ydelse2-2"),
                            "pas-og-koerekort", List.of("bs-pas-1", "bs-pas-2"))),
                    CITIZEN_CHANNELS),
            new Department("beskaeftigelse", "BE", 0.25, 1.6, List.of(
                    new CaseKind("kontanthjaelp", "jobcenter-1", 20, 0.30, 0.15, 0.0, List.of("samtale", "sanktion", "udbetaling")),
                    new CaseKind("sygedagpenge", "sygedagpenge-1", 40, 0.25, 0.10, 0.0, List.of("opfoelgning", "laegeerklaering", "status")),
                    new CaseKind("fleksjob", "fleksjob-1", 60, 0.35, 0.10, 0.0, List.of("rehabiliteringsteam", "status", "arbejdsevne"))),
                    sorted(Map.of("jobcenter-1", List.of("be-job-1", "be-job-2", "be-job-3"),
                            "sygedagpenge-1", List.of("be-syg-1", "be-syg-2"),
                            "fleksjob-1", List.of("be-flex-1", "be-flex-2"))),
                    CITIZEN_CHANNELS),
            new Department("teknik-miljoe", "TM", 0.20, 0.8, List.of(
                    new CaseKind("byggetilladelse", "byg-1", 45, 0.15, 0.25, 0.35, List.of("tegninger", "status", "partshoering")),
                    new CaseKind("affaldsdispensation", "miljoe-1", 20, 0.30, 0.10, 0.30, List.of("afhentning", "gebyr")),
                    new CaseKind("gravetilladelse", "vej-1", 10, 0.10, 0.15, 0.70, List.of("trafik", "status"))),
                    sorted(Map.of("byg-1", List.of("tm-byg-1", "tm-byg-2", "tm-byg-3"),
                            "miljoe-1", List.of("tm-miljoe-1", "tm-miljoe-2"),
                            "vej-1", List.of("tm-vej-1"))),
                    channels(Map.of(Channel.PHONE, 0.35, Channel.EMAIL, 0.25, Channel.SELF_SERVICE, 0.15, Channel.DIGITAL_POST, 0.10,
                            Channel.WEB_FORM, 0.10, Channel.IN_PERSON, 0.05))),
            new Department("boern-unge", "BU", 0.20, 1.2, List.of(
                    new CaseKind("specialundervisning", "ppr-1", 50, 0.30, 0.25, 0.0, List.of("udredning", "skoletilbud", "status")),
                    new CaseKind("aflastning", "familie-1", 30, 0.35, 0.20, 0.0, List.of("bevilling", "status", "handleplan")),
                    new CaseKind("friplads", "dagtilbud-1", 14, 0.20, 0.15, 0.0, List.of("indkomst", "status"))),
                    sorted(Map.of("ppr-1", List.of("bu-ppr-1", "bu-ppr-2"),
                            "familie-1", List.of("bu-fam-1", "bu-fam-2", "bu-fam-3"),
                            "dagtilbud-1", List.of("bu-dag-1"))),
                    CITIZEN_CHANNELS));

    private Catalogue() {
    }

    // Map.of iterates in an order that changes from one JVM to the next; a seeded run must pick the same way every time.
    private static Map<String, List<String>> sorted(Map<String, List<String>> teams) {
        return Collections.unmodifiableMap(new TreeMap<>(teams));
    }

    private static Map<Channel, Double> channels(Map<Channel, Double> weights) {
        return Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    /** The contract's spelling of a channel, e.g. {@code web_form}. */
    static String code(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
