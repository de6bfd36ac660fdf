package dk.servicepuls.feedback.analysis;

import java.time.Duration;

import dk.servicepuls.platform.privacy.Pseudonymiser;
import dk.servicepuls.platform.sealing.TextKeyRing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analysis reads the texts on the topics sealed; the keys that open them come from privacy.text-keys. */
@Configuration(proxyBeanMethods = false)
class SealedTextsConfiguration {

    /** Long enough for a broker that fails over; a batch that waits longer is tried again, not read without text. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    @Bean
    TextKeyRing textKeyRing(KafkaProperties kafka, Pseudonymiser secret, MeterRegistry meters) {
        return new TextKeyRing(kafka.buildConsumerProperties(), secret, CATCH_UP_LIMIT, meters);
    }
}
