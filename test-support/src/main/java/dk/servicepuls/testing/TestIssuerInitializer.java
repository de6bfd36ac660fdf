package dk.servicepuls.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context's resource server (if it has one) at the {@link TestIssuer}. */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.url()).applyTo(context);
    }
}
