package dk.servicepuls.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A service on a random port against the real Kafka and MongoDB images ({@link RealInfrastructureInitializer}) with
 * the test issuer's tokens; skipped where no Docker engine runs. The broker's address for the test's own clients:
 * {@link RealInfrastructureInitializer#kafkaBootstrapServers()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY)
@ContextConfiguration(initializers = { RealInfrastructureInitializer.class, TestIssuerInitializer.class })
public @interface RealInfrastructureTest {
}
