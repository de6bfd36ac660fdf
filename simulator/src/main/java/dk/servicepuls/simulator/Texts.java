package dk.servicepuls.simulator;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Free text the platform's text analysis and masking get to work on: survey comments in Danish and English, some
 * negative and some with the words people use when a complaint is coming (klage, Ankestyrelsen, advokat,
 * ombudsmand), contact notes and complaint texts.
 */
final class Texts {

    /** How a survey comment reads. */
    enum Tone { POSITIVE, NEUTRAL, NEGATIVE, COMPLAINT_INTENT }

    private static final Map<Tone, List<String>> DANISH = Map.of(
            Tone.POSITIVE, List.of("Tak for en god og hurtig behandling.", "Sagsbehandleren var venlig og forklarede det hele.",
                    "Det var nemt, og jeg fik svar med det samme.", "Meget tilfreds med hjælpen i telefonen."),
            Tone.NEUTRAL, List.of("Det gik fint, men det tog lidt tid.", "Jeg fik svar, men skulle selv finde papirerne.",
                    "Ok oplevelse.", "Hjemmesiden kunne være lettere at finde rundt i."),
            Tone.NEGATIVE, List.of("Jeg ventede over en halv time i telefonen og blev stillet om tre gange.",
                    "Ingen har svaret på min mail, og jeg aner ikke, hvor sagen står.",
                    "Jeg føler mig slet ikke hørt. Det er dybt frustrerende.",
                    "Jeg har sendt de samme papirer to gange, og nu mangler de igen."),
            Tone.COMPLAINT_INTENT, List.of("Hvis afgørelsen bliver et afslag, vil jeg klage til Ankestyrelsen.",
                    "Jeg har kontaktet en advokat, for det her er helt urimeligt.",
                    "Jeg overvejer at gå til Ombudsmanden med den måde, min sag er behandlet på.",
                    "Jeg vil klage over sagsbehandlingen. Det er ikke i orden."));

    private static final Map<Tone, List<String>> ENGLISH = Map.of(
            Tone.POSITIVE, List.of("Thank you, quick and friendly help.", "The caseworker explained everything clearly."),
            Tone.NEUTRAL, List.of("It was fine, but it took a while.", "I got an answer eventually."),
            Tone.NEGATIVE, List.of("I waited for ages on the phone and was transferred twice.",
                    "Nobody answered my email and I have no idea where my case stands.",
                    "I do not feel heard at all. Very frustrating."),
            Tone.COMPLAINT_INTENT, List.of("If this is rejected I will file a complaint with Ankestyrelsen.",
                    "I have contacted a lawyer about how my case was handled.",
                    "I will complain to the ombudsman about this."));

    private static final List<String> NOTES = List.of("Borger spurgte til status på sagen.",
            "Borger mangler at indsende dokumentation; forklaret hvad der skal bruges.",
            "Henvendelse om frist for afgørelse.", "Borger utilfreds med ventetiden.",
            "Aftalt at sagsbehandler ringer tilbage.", "Vejledt om selvbetjening på hjemmesiden.");

    private static final List<String> TRANSFER_REASONS = List.of("Sagen hører under et andet team.",
            "Kræver specialviden.", "Omfordeling på grund af arbejdsbyrde.", "Borger er flyttet.");

    private static final List<String> APPEALS_DA = List.of(
            "Jeg klager hermed over afgørelsen og ønsker sagen sendt til Ankestyrelsen.",
            "Klage over afslag. Min advokat vil kontakte jer.",
            "Jeg er uenig i afgørelsen og anker den.");
    private static final List<String> SERVICE_COMPLAINTS_DA = List.of(
            "Klage over sagsbehandlingstiden og manglende svar på mine henvendelser.",
            "Jeg klager over den måde, jeg er blevet behandlet på. Jeg har også skrevet til Ombudsmanden.",
            "Klage: jeg er blevet stillet om mange gange og har aldrig fået et klart svar.");
    private static final List<String> APPEALS_EN = List.of("I hereby appeal the decision to Ankestyrelsen.",
            "I disagree with the decision and appeal it; my lawyer will be in touch.");
    private static final List<String> SERVICE_COMPLAINTS_EN = List.of(
            "Complaint about the processing time and unanswered emails.",
            "I am filing a complaint about how my case was handled; I have written to the ombudsman.");

    private Texts() {
    }

    static String comment(RandomGenerator random, Tone tone, String language) {
        return Draw.one(random, ("en".equals(language) ? ENGLISH : DANISH).get(tone));
    }

    /** A contact note; now and then with the party's CPR number in it, as caseworkers do write, for the masking. */
    static String note(RandomGenerator random, Party party) {
        String note = Draw.one(random, NOTES);
        if (!party.business() && Draw.chance(random, 0.15)) {
            return note + " Borger oplyste cpr " + party.id().substring(0, 6) + "-" + party.id().substring(6) + ".";
        }
        return note;
    }

    static String transferReason(RandomGenerator random) {
        return Draw.one(random, TRANSFER_REASONS);
    }

    static String complaint(RandomGenerator random, boolean appeal, String language) {
        boolean english = "en".equals(language);
        return Draw.one(random, appeal ? (english ? APPEALS_EN : APPEALS_DA)
                : (english ? SERVICE_COMPLAINTS_EN : SERVICE_COMPLAINTS_DA));
    }
}
