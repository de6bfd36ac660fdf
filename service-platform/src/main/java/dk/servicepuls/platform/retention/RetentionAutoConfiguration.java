package dk.servicepuls.platform.retention;

import java.time.Clock;
import java.util.List;

import dk.servicepuls.platform.erasure.PartyDataEraser;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Every service with a store runs the retention job over what it holds. */
@AutoConfiguration(afterName = "dk.servicepuls.platform.PlatformAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(RetentionProperties.class)
@EnableScheduling
public class RetentionAutoConfiguration {

    @Bean
    @ConditionalOnBean(ClosedCases.class)
    ClosedCasesErasure closedCasesErasure(ClosedCases closed, List<PartyDataEraser> erasers, Clock clock) {
        return new ClosedCasesErasure(closed, erasers, clock);
    }

    @Bean
    Retention retention(List<ExpiredData> stores, RetentionProperties properties, Clock clock, MeterRegistry meters) {
        return new Retention(stores, properties, clock, meters);
    }

    @Bean
    RetentionScheduling retentionScheduling(Retention retention, RetentionProperties properties) {
        return new RetentionScheduling(retention, properties);
    }
}
