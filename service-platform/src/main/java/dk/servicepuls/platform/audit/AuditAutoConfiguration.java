package dk.servicepuls.platform.audit;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service with a store and a web side keeps an audit trail of its signed-in requests under
 * {@code /api/**}, {@code /inbox/**} and {@code /dashboard/**}, but ingest ({@code /api/v1/events}) and the text
 * analysis ({@code /api/v1/analysis}); {@code servicepuls.audit.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(name = "servicepuls.audit.enabled", matchIfMissing = true)
@Import(AuditController.class)
public class AuditAutoConfiguration implements WebMvcConfigurer {

    private final AuditTrail trail;
    private final MeterRegistry meters;

    AuditAutoConfiguration(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.trail = new AuditTrail(mongo, clock);
        this.meters = meters;
    }

    @Bean
    AuditTrail auditTrail() {
        return trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // ingest and the text analysis are machines' and tools' doors, not a person looking at a case
        registry.addInterceptor(new AuditInterceptor(trail, meters)).addPathPatterns("/api/**", "/inbox/**",
                "/dashboard/**").excludePathPatterns("/api/v1/events", "/api/v1/analysis");
    }
}
