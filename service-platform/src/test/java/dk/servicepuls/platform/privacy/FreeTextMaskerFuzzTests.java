package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dk.servicepuls.platform.WarmTime;

/**
 * Coverage-guided fuzzing of the masker (Jazzer). In a plain {@code verify} it runs its seeds and every finding kept
 * under {@code FreeTextMaskerFuzzTestsInputs}; with {@code JAZZER_FUZZ=1} it fuzzes (README, "Fuzzing").
 */
class FreeTextMaskerFuzzTests {

    private static final FreeTextMasker MASKER = new FreeTextMasker();

    /**
     * Masking twice is not asserted to change nothing: a mask can change what is around it, e.g. complete the
     * top-level domain of something that was no address before ({@code a@b.xy29871634} has none; {@code a@b.xy[PHONE]}
     * has {@code .xy}). That is no personal data left, only a second reading of the masked text.
     */
    @FuzzTest(maxDuration = "10s")
    void anyTextIsMaskedQuicklyAndOnlyWhereItWasFound(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();

        // the JMH figure for the longest note is about 26 µs
        WarmTime.assertWithinBound(text.length() + " characters", () -> MASKER.mask(text));
        String masked = MASKER.mask(text);

        if (masked.equals(text)) {
            assertThat(MASKER.containsCprOrEmail(text)).as("found but not masked in %s", text).isFalse();
        }
        else {
            assertThat(masked).containsAnyOf(FreeTextMasker.CPR_MASK, FreeTextMasker.CVR_MASK, FreeTextMasker.EMAIL_MASK,
                    FreeTextMasker.PHONE_MASK);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void anyIntegerGetsAMaskOrNone(long value) {
        String mask = MASKER.maskForInteger(value);
        assertThat(mask).isIn(null, FreeTextMasker.CPR_MASK, FreeTextMasker.PHONE_MASK);
    }
}
