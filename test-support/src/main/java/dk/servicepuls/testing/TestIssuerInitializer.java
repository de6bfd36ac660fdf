package dk.servicepuls.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context's resource server (if it has one) at the {@link TestIssuer}, and binds the senders of
 * {@link TestTokens} for ingest. {@link ServiceIntegrationTest} applies it; a test that starts a service itself adds it
 * ({@code new SpringApplicationBuilder(...).initializers(new TestIssuerInitializer())}).
 */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String CLIENTS = "servicepuls.ingest.clients.";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.url(),
                CLIENTS + TestTokens.TEST_SYSTEM + ".departments=*",
                CLIENTS + TestTokens.TEST_SYSTEM + ".sources=*",
                CLIENTS + TestTokens.TEST_SYSTEM + ".events-per-second=1000000",
                CLIENTS + TestTokens.ESDH_SYSTEM + ".departments=" + TestTokens.ESDH_DEPARTMENT,
                CLIENTS + TestTokens.ESDH_SYSTEM + ".sources=" + TestTokens.ESDH_SOURCE,
                CLIENTS + TestTokens.SLOW_SYSTEM + ".departments=*",
                CLIENTS + TestTokens.SLOW_SYSTEM + ".sources=*",
                CLIENTS + TestTokens.SLOW_SYSTEM + ".events-per-second=1000").applyTo(context);
    }
}
