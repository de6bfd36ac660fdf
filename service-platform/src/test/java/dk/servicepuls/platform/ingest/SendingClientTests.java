package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class SendingClientTests {

    private static JwtAuthenticationToken token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return new JwtAuthenticationToken(jwt.build());
    }

    @Test
    void aKeycloakServiceAccountIsKnownByItsClientIdNotItsUserId() {
        assertThat(IngestController.clientOf(token(Map.of("sub", "7f1c2d9e-5b1a-4c0e-9d7e-2a1b3c4d5e6f",
                "client_id", "sender-borgerservice", "azp", "sender-borgerservice"))))
                .isEqualTo("sender-borgerservice");
    }

    @Test
    void aTokenWithoutAClientIdClaimIsKnownByItsSubject() {
        assertThat(IngestController.clientOf(token(Map.of("sub", "servicepuls-simulator")))).isEqualTo("servicepuls-simulator");
        assertThat(IngestController.clientOf(null)).isNull();
    }
}
