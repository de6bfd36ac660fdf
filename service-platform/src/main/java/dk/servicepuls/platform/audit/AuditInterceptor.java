package dk.servicepuls.platform.audit;

import java.util.Map;
import java.util.TreeSet;

import dk.servicepuls.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes an entry for every signed-in request a controller answered, once the answer is known: what was asked
 * (method and route, never the query or the body), of which task or case, and the status. An entry that cannot be
 * written is logged as an error and counted ({@code servicepuls_audit_failures_total}); the answer has gone by then.
 */
class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditTrail trail;
    private final Counter failures;

    AuditInterceptor(AuditTrail trail, MeterRegistry meters) {
        this.trail = trail;
        this.failures = Counter.builder("servicepuls.audit.failures")
                .description("Requests whose audit entry could not be written").register(meters);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(handler instanceof HandlerMethod)) {
            return;
        }
        Caller caller = Caller.current().orElse(null);
        if (caller == null || caller.department() == null) {
            return;
        }
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        String action = request.getMethod() + " " + (route == null ? request.getRequestURI() : route);
        try {
            trail.append(new AuditEntry.Draft(caller.department(), actor(caller),
                    String.join(",", new TreeSet<>(caller.roles())), action, status,
                    variables == null ? null : variables.get("taskId"), variables == null ? null : variables.get("caseId")));
        }
        catch (RuntimeException e) {
            failures.increment();
            log.error("Audit entry not written for {} by a caller of {}: {}", action, caller.department(), e.toString());
        }
    }

    /** The caseworker id where the token has one; else a one-way hash of the subject, which may be an e-mail address. */
    static String actor(Caller caller) {
        if (caller.caseworkerId() != null && !caller.caseworkerId().isBlank()) {
            return caller.caseworkerId();
        }
        return "sub-" + AuditEntry.sha256(String.valueOf(caller.subject())).substring(0, 16);
    }
}
