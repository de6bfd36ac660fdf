package dk.servicepuls.escalation.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Makes a Spring Boot test context accept {@link TestTokens} instead of asking a real issuer. Put it next to
 * {@code @ServiceIntegrationTest}; every class that has both shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(TestIssuer.class)
public @interface WithTestTokens {
}
