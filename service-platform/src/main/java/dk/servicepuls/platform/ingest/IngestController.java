package dk.servicepuls.platform.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.platform.cloudevents.EventRef;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events}: one event in structured or binary mode, or a batch. An accepted event is durable
 * (stored with its outbox entry) before the 202 goes out. The sender is the client named in its token
 * ({@link IngestClients}); a sender not bound there is refused whole (403), one over its rate too (429), and each
 * event outside its departments or sources gets its own 403.
 */
@RestController
class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);

    /** How much of a body over the limit is read and thrown away so that its sender gets the answer. */
    private static final long DISCARD_AT_MOST = 64L * 1024 * 1024;

    private final CloudEventReader reader;
    private final IngestService ingest;
    private final IngestProperties properties;
    private final IngestClients clients;

    IngestController(CloudEventReader reader, IngestService ingest, IngestProperties properties, IngestClients clients) {
        this.reader = reader;
        this.ingest = ingest;
        this.properties = properties;
        this.clients = clients;
    }

    @PostMapping("/api/v1/events")
    ResponseEntity<?> ingest(@RequestHeader HttpHeaders headers, InputStream request, Principal sender) throws IOException {
        long maxBody = properties.limits().maxBodyBytes();
        if (headers.getContentLength() > maxBody) {
            return bodyTooLarge(request, maxBody);
        }
        byte[] body = request.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        if (body.length > maxBody) {
            return bodyTooLarge(request, maxBody);
        }
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        boolean batch = lowerCase.getOrDefault("content-type", "").toLowerCase(Locale.ROOT).startsWith(CloudEventReader.BATCH);
        int count = batch ? reader.countBatch(body, properties.maxBatchSize() + 1) : 1;
        if (count > properties.maxBatchSize()) {
            return Problems.response(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large",
                    "A batch may hold at most " + properties.maxBatchSize() + " events; this one holds more"
                            + ". Split it; nothing of it was stored."));
        }
        String client = clientOf(sender);
        Optional<IngestClients.Admission> admission = clients.admit(client, Math.max(count, 1));
        if (admission.isEmpty()) {
            return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Client " + client
                    + " may not publish events: it is not bound to any department (servicepuls.ingest.clients." + client
                    + "). Nothing of it was stored."));
        }
        if (!admission.get().admitted()) {
            return tooManyEvents(admission.get());
        }
        PublishRights rights = admission.get().rights();
        List<ReadResult> events = reader.readHttp(lowerCase, body);
        if (!batch) {
            IngestOutcome outcome = ingest.ingest(events.get(0), "http", rights);
            return outcome.accepted() ? ResponseEntity.accepted().body(Accepted.of(outcome))
                    : Problems.response(refusal(outcome));
        }
        if (events.isEmpty()) {
            return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "empty-batch", "Empty batch",
                    "A batch must hold at least one event"));
        }
        List<IngestOutcome> outcomes = ingest.ingestAll(events, "http", rights);
        List<BatchResult> results = new ArrayList<>(outcomes.size());
        int rejected = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            rejected += outcome.accepted() ? 0 : 1;
            ProblemDetail problem = outcome.accepted() ? null : refusal(outcome);
            results.add(new BatchResult(i, outcome.event().source(), outcome.event().id(), outcome.event().type(),
                    problem == null ? 202 : problem.getStatus(), outcome.dropped(), problem));
        }
        // 207: the answer differs per event; clients read each result, as with a WebDAV multi-status
        HttpStatus status = rejected == 0 ? HttpStatus.ACCEPTED : HttpStatus.MULTI_STATUS;
        return ResponseEntity.status(status).body(new BatchAnswer(outcomes.size() - rejected, rejected, results));
    }

    /**
     * Reads what is left of the body into nothing before answering, up to a bound: a client still sending when the
     * answer comes and the connection closes sees a broken connection instead of the problem. Past the bound the
     * connection is closed all the same.
     */
    private static ResponseEntity<ProblemDetail> bodyTooLarge(InputStream request, long maxBody) throws IOException {
        byte[] discard = new byte[64 * 1024];
        long left = DISCARD_AT_MOST;
        for (int read = 0; read >= 0 && left > 0; read = request.read(discard, 0, (int) Math.min(discard.length, left))) {
            left -= read;
        }
        return bodyTooLarge(maxBody);
    }

    private static ResponseEntity<ProblemDetail> bodyTooLarge(long maxBody) {
        return Problems.response(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "A request body may hold at most " + maxBody + " bytes (servicepuls.ingest.limits.max-body-bytes); "
                        + "send fewer events per batch. Nothing of it was stored."));
    }

    private static ResponseEntity<ProblemDetail> tooManyEvents(IngestClients.Admission admission) {
        long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many events", "Client "
                        + admission.rights().client() + " may send " + admission.eventsPerSecond() + " events a second "
                        + "(servicepuls.ingest.clients." + admission.rights().client() + ".events-per-second); try again in "
                        + seconds + " s. Nothing of it was stored."));
    }

    /**
     * Kafka did not take the accepted events in time: nothing was acknowledged, and what it did take is stored, so the
     * sender can safely send the same again (repeats are answered as accepted).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> brokerUnavailable(EventsNotPublishedException e) {
        log.warn("Ingest answered 503: {}", e.getMessage());
        return Problems.tryAgainShortly("broker-unavailable", "The events could not be published just now; nothing of "
                + "the request was acknowledged. Send the same again after the time in Retry-After: what did get through "
                + "is answered as accepted");
    }

    /** A refused event's problem: 403 when its sender may not publish it, 400 when it breaks the contract. */
    private static ProblemDetail refusal(IngestOutcome outcome) {
        int broken = outcome.violations().size();
        ProblemDetail problem = outcome.forbidden()
                ? Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The sender may not publish this event; see errors")
                : Problems.of(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event", broken == 1
                        ? "The event breaks 1 rule of the contract; see errors"
                        : "The event breaks " + broken + " rules of the contract; see errors");
        problem.setProperty("event", outcome.event());
        problem.setProperty("errors", outcome.violations());
        return problem;
    }

    /** @param dropped fields not kept because their names say they hold personal data; left out when none */
    record Accepted(String source, String id, String type, String status, @JsonInclude(Include.NON_EMPTY) List<String> dropped) {
        static Accepted of(IngestOutcome outcome) {
            EventRef event = outcome.event();
            return new Accepted(event.source(), event.id(), event.type(), "accepted", outcome.dropped());
        }
    }

    record BatchResult(int index, String source, String id, String type, int status,
            @JsonInclude(Include.NON_EMPTY) List<String> dropped, ProblemDetail problem) {
    }

    record BatchAnswer(int accepted, int rejected, List<BatchResult> results) {
    }

    /**
     * The client that sent: the token's {@code client_id} claim (RFC 9068, and what Keycloak puts in a service
     * account's token, whose subject is a user id), else the token's subject (the local identity-server's client
     * credentials carry the client id there).
     */
    static String clientOf(Principal sender) {
        if (sender instanceof JwtAuthenticationToken token && token.getToken().getClaimAsString(CLIENT_ID) != null) {
            return token.getToken().getClaimAsString(CLIENT_ID);
        }
        return sender == null ? null : sender.getName();
    }

    private static final String CLIENT_ID = "client_id";
}
