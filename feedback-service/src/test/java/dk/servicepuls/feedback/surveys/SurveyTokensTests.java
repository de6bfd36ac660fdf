package dk.servicepuls.feedback.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SurveyTokensTests {

    private final SurveyTokens tokens = new SurveyTokens("a-key-of-thirty-two-characters-at-least!");
    private final Instant expiry = Instant.parse("2026-12-17T10:00:00Z");

    @Test
    void aSignedTokenGivesBackItsInvitationAndExpiry() {
        String token = tokens.sign("inv-1234", expiry);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token)).contains(new SurveyTokens.Verified("inv-1234", expiry));
    }

    @Test
    void aChangedForgedOrForeignTokenIsNothing() {
        String token = tokens.sign("inv-1234", expiry);
        String otherPayload = tokens.sign("inv-9999", expiry.plusSeconds(86_400 * 30L)).split("\\.")[0];

        assertThat(tokens.verify(otherPayload + "." + token.split("\\.")[1])).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "AA")).isEmpty();
        assertThat(new SurveyTokens("another-key-of-thirty-two-characters!!").verify(token)).isEmpty();
        assertThat(tokens.verify("nonsense")).isEmpty();
        assertThat(tokens.verify("%%%.###")).isEmpty();
        assertThat(tokens.verify("a".repeat(5000))).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> new SurveyTokens("short"));
    }
}
