package dk.servicepuls.platform.web;

import dk.servicepuls.platform.cloudevents.MalformedBatchException;
import dk.servicepuls.platform.cloudevents.UnsupportedEncodingException;
import dk.servicepuls.platform.sealing.TextKeysUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps the platform's exceptions, and Spring MVC's own, to problem+json. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.type(), e.title(), e.getMessage());
        problem.setProperty(e.where(), e.whereValue());
        return Problems.response(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedEncoding(UnsupportedEncodingException e) {
        return Problems.response(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-encoding",
                "Not a CloudEvent", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformedBatch(MalformedBatchException e) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "malformed-batch", "Malformed batch", e.getMessage()));
    }

    /**
     * The store did not answer or did not confirm: nothing was acknowledged, so the sender can safely send the same
     * again (a repeat of what did get stored is answered as accepted).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException e) {
        log.warn("Store unavailable: {}", e.getClass().getName());
        return Problems.tryAgainShortly("store-unavailable", "The service could not make the request durable just now; "
                + "nothing of it was acknowledged. Send the same again after the time in Retry-After: repeats of what was "
                + "stored are answered as accepted");
    }

    /**
     * The text keys could not be written or read on Kafka, so nothing sealed with them was written: sending it again
     * is safe.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> keysUnavailable(TextKeysUnavailableException e) {
        log.warn("Answered 503: {}", e.getMessage());
        return Problems.tryAgainShortly("broker-unavailable", "What you sent could not be made durable just now; "
                + "nothing of it was acknowledged. Send the same again after the time in Retry-After");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        // the message may quote input; it goes to the log by class only, never into the answer
        log.error("Unexpected failure: {}", e.getClass().getName(), e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing you sent was stored unless it was answered as accepted"));
    }
}
