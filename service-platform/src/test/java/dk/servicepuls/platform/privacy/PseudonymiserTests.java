package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PseudonymiserTests {

    private static final String KEY = Base64.getEncoder().encodeToString("a-key-of-exactly-thirty-two-byte".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @Test
    void givesTheSameReferenceForTheSameIdentifierHoweverWritten() {
        Pseudonymiser pseudonymiser = Pseudonymiser.fromBase64Key(KEY);

        assertThat(pseudonymiser.reference("010190-1234")).isEqualTo(pseudonymiser.reference("0101901234"))
                .isEqualTo(pseudonymiser.reference(" 010190 1234 ")).hasSize(64).doesNotContain("0101901234");
    }

    @Test
    void givesDifferentReferencesUnderDifferentKeys() {
        assertThat(Pseudonymiser.fromBase64Key(KEY).reference("0101901234"))
                .isNotEqualTo(Pseudonymiser.fromBase64Key(OTHER_KEY).reference("0101901234"));
    }

    @Test
    void refusesAMissingKeyWithAnExplanation() {
        assertThatThrownBy(() -> Pseudonymiser.fromBase64Key(" ")).hasMessageContaining("SERVICEPULS_PSEUDONYM_KEY");
    }

    @Test
    void refusesAShortKeyWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString("too-short".getBytes());

        assertThatThrownBy(() -> Pseudonymiser.fromBase64Key(shortKey)).hasMessageContaining("at least 32 bytes")
                .message().doesNotContain(shortKey);
    }

    @Test
    void refusesAKeyThatIsNotBase64() {
        assertThatThrownBy(() -> Pseudonymiser.fromBase64Key("not base64 at all!")).hasMessageContaining("not valid Base64");
    }
}
