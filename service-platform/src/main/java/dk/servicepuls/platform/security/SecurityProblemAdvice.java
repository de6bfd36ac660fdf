package dk.servicepuls.platform.security;

import dk.servicepuls.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Ahead of the platform's {@code ProblemAdvice}, whose catch-all for runtime exceptions would otherwise answer a
 * refusal with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemAdvice {

    static final String FORBIDDEN = "forbidden";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", e.getMessage()));
    }

    /** A handler that needs a {@link Caller} on a request without a token: the same 401 as the filters give. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        return Problems.response(Problems.of(HttpStatus.UNAUTHORIZED, SecurityProblems.UNAUTHORIZED, "Unauthorized",
                "This API needs a bearer token from the Servicepuls issuer (Authorization: Bearer …)"));
    }
}
