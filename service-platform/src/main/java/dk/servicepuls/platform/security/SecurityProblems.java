package dk.servicepuls.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.servicepuls.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a missing or refused token (401) and a forbidden request (403) in the security filters, before any controller
 * runs, as problem+json like the rest of the API. The {@code WWW-Authenticate} header (RFC 6750) is Spring's.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String UNAUTHORIZED = "unauthorized";

    private final AuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException, jakarta.servlet.ServletException {
        bearerChallenge.commence(request, response, refused);
        // the reason a token failed (expired, wrong issuer, bad signature) helps the caller; it holds no personal data
        String detail = refused instanceof InvalidBearerTokenException
                ? "The bearer token was not accepted: " + refused.getMessage()
                : "This API needs a bearer token from the Servicepuls issuer (Authorization: Bearer …)";
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized", detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        bearerDenied.handle(request, response, denied);
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, SecurityProblemAdvice.FORBIDDEN, "Forbidden",
                "Your token does not allow this request"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        // the same members as the problems that Spring MVC writes for the controllers
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
