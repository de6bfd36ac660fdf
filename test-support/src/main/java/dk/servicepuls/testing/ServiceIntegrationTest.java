package dk.servicepuls.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A service started for real on a random port, against a real Kafka broker (embedded KRaft) and the embedded
 * MongoDB-wire store. Contexts are cached across test classes with the same configuration. {@link PerTest} fields
 * are made before each test and closed after it; a {@link ServiceUnderTest} parameter is the running service. A
 * service with a resource server accepts {@link TestTokens} (and nothing else).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = { EmbeddedStoreInitializer.class, TestIssuerInitializer.class })
@ExtendWith(PerTestFields.class)
@TestPropertySource(properties = {
        "servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY,
        "servicepuls.outbox.poll-interval=200ms" })
public @interface ServiceIntegrationTest {

    /** A fixed key for tests only: 32 bytes, Base64. */
    String TEST_KEY = "dGVzdC1rZXktZm9yLXNlcnZpY2VwdWxzLXRlc3RzLW9ubHkhIQ==";
}
