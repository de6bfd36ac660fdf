package dk.servicepuls.escalation.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API call and every inbox page goes through the audit trail. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final AuditTrail trail;
    private final MeterRegistry meters;

    AuditWebConfiguration(AuditTrail trail, MeterRegistry meters) {
        this.trail = trail;
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditInterceptor(trail, meters)).addPathPatterns("/api/**", "/inbox/**");
    }
}
