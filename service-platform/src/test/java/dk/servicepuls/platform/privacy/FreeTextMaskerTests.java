package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextMaskerTests {

    private final FreeTextMasker masker = new FreeTextMasker();

    @ParameterizedTest
    @ValueSource(strings = { "0101901234", "010190-1234", "010190 1234" })
    void masksCprNumbersWrittenAnyWay(String cpr) {
        assertThat(masker.mask("Borger " + cpr + " ringede")).isEqualTo("Borger [CPR] ringede");
    }

    @ParameterizedTest
    @ValueSource(strings = { "22334455", "22 33 44 55", "2233 4455", "+45 22 33 44 55", "+4522334455", "0045 22334455",
            "22-33-44-55", "22.33.44.55", "+46 70 123 45 67" })
    void masksPhoneNumbers(String phone) {
        assertThat(masker.mask("ring på " + phone + " i dag")).isEqualTo("ring på [PHONE] i dag");
    }

    @ParameterizedTest
    @ValueSource(strings = { "karen@example.dk", "jens.ole.hansen+sag@kommune.aarhus.dk", "søren@æblehaven.dk" })
    void masksEmailAddresses(String email) {
        assertThat(masker.mask("skriv til " + email + ".")).isEqualTo("skriv til [EMAIL].");
    }

    /**
     * A guard against a hang, not a speed target (that is the JMH benchmark's): a long run of letters, dots or
     * e-mail characters took the e-mail rule quadratic time (109 s for 100,000 letters); now milliseconds.
     */
    @ParameterizedTest
    @ValueSource(strings = { "a", "a.", "a@", "a@b.", "1" })
    void aLongRunOfAddressCharactersIsMaskedWithoutBacktracking(String unit) {
        String text = unit.repeat(100_000 / unit.length());
        String masked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(text));
        assertThat(masked).doesNotContain("@b.dk");
    }

    @Test
    void anAddressAtTheEndOfALongRunIsStillFound() {
        String text = "x".repeat(50_000) + " skriv til karen@example.dk";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(text))).endsWith("skriv til [EMAIL]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Mødet er 2026-11-23 kl. 10", "Afgørelse 23.11.2026", "Beløb 12.500 kr.", "Sag 4711 oprettet",
            "Se sag BS-2026-0042", "Journal 2026.0042" })
    void leavesDatesAmountsAndShortNumbersAlone(String text) {
        assertThat(masker.mask(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "BS-2026-0042|false", "SAG-20260042|false", "0101901234|true", "K-010190-1234|true",
            "karen@example.dk|true" })
    void tellsCaseIdsFromCprNumbersAndEmailAddresses(String identifier, boolean personal) {
        assertThat(masker.containsCprOrEmail(identifier)).isEqualTo(personal);
    }

    @org.junit.jupiter.api.Test
    void leavesNullAndEmptyAlone() {
        assertThat(masker.mask(null)).isNull();
        assertThat(masker.mask("")).isEmpty();
    }
}
