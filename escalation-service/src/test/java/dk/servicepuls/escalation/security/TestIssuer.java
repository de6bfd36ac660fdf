package dk.servicepuls.escalation.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Stands in for the issuer: trusts {@link TestTokens}' key and issuer, and checks expiry as the real decoder does.
 * Replaces the decoder that Boot would build from {@code issuer-uri}, which would need a running issuer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestIssuer {

    @Bean
    JwtDecoder testTokenDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
        return decoder;
    }
}
