package dk.servicepuls.escalation.tasks;

import java.time.Clock;
import java.time.Duration;

import dk.servicepuls.platform.privacy.PrivacyProperties;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.sealing.TextKeys;
import dk.servicepuls.platform.sealing.TextKeysEraser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The call notes of completed tasks go out on escalation.events sealed with their case's key, as every free text on
 * the topics; the keys are made under the deployment's secret ({@code servicepuls.privacy.pseudonym-key}), and an
 * erasure or retention destroys them (platform.sealing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class SealedNotesConfiguration {

    /** A completion waits at most this for a new key to be on Kafka, and is then answered 503. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    TextKeys textKeys(MongoTemplate mongo, KafkaProperties kafka, PrivacyProperties privacy, Clock clock) {
        return TextKeys.on(mongo, kafka, Pseudonymiser.fromBase64Key(privacy.pseudonymKey(), privacy.partyRefs()),
                PUBLISH_TIMEOUT, clock);
    }

    @Bean
    TextKeysEraser textKeysEraser(TextKeys keys) {
        return new TextKeysEraser(keys);
    }
}
