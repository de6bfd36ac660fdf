package dk.servicepuls.platform.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem+json answers with a stable type URI per kind of problem, so clients can branch on it. */
public final class Problems {

    public static final String TYPE_BASE = "https://servicepuls.dk/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** The 404 answer for something missing, or something the caller may not see (answered the same). */
    public static ResponseEntity<ProblemDetail> notFound(String detail) {
        return response(of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    /**
     * A 503 with {@code Retry-After}: the service could not make something durable just now and acknowledged none of
     * it, so sending the same again is safe.
     */
    public static ResponseEntity<ProblemDetail> tryAgainShortly(String type, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(HttpStatus.SERVICE_UNAVAILABLE, type, "Try again shortly", detail));
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
