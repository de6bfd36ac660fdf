package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PseudonymiserTests {

    private static final String KEY = Base64.getEncoder().encodeToString("a-key-of-exactly-thirty-two-byte".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @Test
    void givesTheSameReferenceForTheSameIdentifierHoweverWritten() {
        Pseudonymiser pseudonymiser = Pseudonymiser.fromBase64Key(KEY);

        assertThat(pseudonymiser.reference("teknik", "010190-1234")).isEqualTo(pseudonymiser.reference("teknik", "0101901234"))
                .isEqualTo(pseudonymiser.reference("teknik", " 010190 1234 ")).hasSize(64).doesNotContain("0101901234");
    }

    @Test
    void givesDifferentReferencesUnderDifferentKeys() {
        assertThat(Pseudonymiser.fromBase64Key(KEY).reference("teknik", "0101901234"))
                .isNotEqualTo(Pseudonymiser.fromBase64Key(OTHER_KEY).reference("teknik", "0101901234"));
    }

    @Test
    void givesEachDepartmentItsOwnReferencesByDefault() {
        Pseudonymiser pseudonymiser = Pseudonymiser.fromBase64Key(KEY);

        assertThat(pseudonymiser.reference("borgerservice", "0101901234"))
                .isNotEqualTo(pseudonymiser.reference("teknik", "0101901234"))
                .isNotEqualTo(pseudonymiser.organisationReference("0101901234"));
    }

    @Test
    void givesOneReferenceAcrossDepartmentsWhereTheOrganisationDecidedSo() {
        Pseudonymiser pseudonymiser = Pseudonymiser.fromBase64Key(KEY, Pseudonymiser.Scope.ORGANISATION);

        assertThat(pseudonymiser.reference("borgerservice", "0101901234")).isEqualTo(pseudonymiser.reference("teknik", "0101901234"))
                .isEqualTo(pseudonymiser.organisationReference("0101901234"));
    }

    /** The organisation-wide reference is what every reference was before per-department keys: it must not move. */
    @Test
    void theOrganisationWideReferenceIsTheHmacOfTheIdentifierUnderTheSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("0101901234".getBytes(StandardCharsets.UTF_8)));

        assertThat(Pseudonymiser.fromBase64Key(KEY).organisationReference("010190-1234")).isEqualTo(expected);
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
