package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the corpus cannot show: hostile input, identifiers and integers. The forms people write are in the corpus. */
class FreeTextMaskerTests {

    private final FreeTextMasker masker = new FreeTextMasker();

    /**
     * A guard against a hang, not a speed target (that is the JMH benchmark's): a long run of letters, dots or
     * e-mail characters once took the e-mail pattern quadratic time (109 s for 100,000 letters). Each unit here
     * is a shape the scanners must look at again and again: digits and separators, at signs, brackets, prefixes.
     */
    @ParameterizedTest
    @ValueSource(strings = { "a", "a.", "a@", "a@b.", "1", "0 ", "1-", "01 ", "29 ", "@ ", " @ a", "(at)", "a(at)", "+4",
            "+45 2", "0045", "1\u00A0", "a.b@", "@a.b", "0101901234 ", "2987-", "(dot)", "x(at)y(dot)" })
    void aLongRunOfOneShapeIsMaskedInLinearTime(String unit) {
        String text = unit.repeat(100_000 / unit.length());
        String masked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(text));
        assertThat(masked).doesNotContain("@b.dk");
    }

    @Test
    void anAddressAtTheEndOfALongRunIsStillFound() {
        String text = "x".repeat(50_000) + " skriv til karen@example.dk";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(text))).endsWith("skriv til [EMAIL]");
    }

    @Test
    void aLongLocalPartIsMaskedWhole() {
        String text = "a".repeat(100_000) + "@example.dk tak";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(text))).isEqualTo("[EMAIL] tak");
    }

    @Test
    void numbersAcrossALongRunOfGroupsAreEachFound() {
        String text = "29871634 ".repeat(10_000);
        String masked = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> masker.mask(text));
        assertThat(masked).isEqualTo("[PHONE] ".repeat(10_000));
    }

    /**
     * Event ids and correlation ids are mostly UUIDs, and one in about 500 random ones has a stretch of hex digits
     * with the shape of a CPR number (found when a Kafka stream of 2,000 events lost four to the identifier rule).
     */
    @Test
    void randomUuidsAreNeverMaskedNorTakenForPersonalData() {
        Random random = new Random(20261202);
        for (int i = 0; i < 100_000; i++) {
            String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
            assertThat(masker.mask("id " + uuid)).isEqualTo("id " + uuid);
            assertThat(masker.containsCprOrEmail(uuid)).as(uuid).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "BS-2026-0042|false", "SAG-20260042|false", "0101901234|true", "K-010190-1234|true",
            "karen@example.dk|true", "K-0101 90 1234|true", "karen(at)example.dk|true", "29871634|false", "2026-0042|false" })
    void tellsCaseIdsFromCprNumbersAndEmailAddresses(String identifier, boolean personal) {
        assertThat(masker.containsCprOrEmail(identifier)).isEqualTo(personal);
    }

    /** JSON numbers lose a CPR number's leading zero: 0101901234 arrives as 101901234. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "101901234|[CPR]", "3112851234|[CPR]", "29871634|[PHONE]", "4529871634|[PHONE]",
            "12345678|", "2026|", "20260042123|", "1999999999|", "-29871634|" })
    void integersWithThePersonalShapesGetTheirMasks(long value, String mask) {
        assertThat(masker.maskForInteger(value)).isEqualTo(mask);
    }

    @Test
    void leavesNullAndEmptyAlone() {
        assertThat(masker.mask(null)).isNull();
        assertThat(masker.mask("")).isEmpty();
        assertThat(masker.containsCprOrEmail(null)).isFalse();
    }
}
