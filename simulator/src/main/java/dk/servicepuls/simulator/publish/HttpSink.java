package dk.servicepuls.simulator.publish;

import dk.servicepuls.contracts.Topics;
import dk.servicepuls.simulator.SimulatedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Posts batches to contact-service (case and contact types) and feedback-service (feedback and complaints). A
 * failed request is retried: ingestion is idempotent on ({@code source}, {@code id}), so an event that did get in
 * the first time is answered as before and not stored twice.
 */
final class HttpSink implements EventSink {

    static final String BATCH = "application/cloudevents-batch+json";
    static final int MAX_BATCH = 1000;
    private static final String PATH = "/api/v1/events";
    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(HttpSink.class);

    private final HttpClient http;
    private final URI contactEvents;
    private final URI feedbackEvents;
    private final int batchSize;
    private final Duration firstBackoff;
    private final Supplier<String> bearer;
    private final JsonMapper json = JsonMapper.shared();
    private boolean toldRejection;

    /**
     * @param contactService and {@code feedbackService}: base URLs, e.g. {@code http://localhost:8081}
     * @param bearer the sender's token for every request (ingest needs one)
     */
    HttpSink(HttpClient http, URI contactService, URI feedbackService, int batchSize, Duration firstBackoff,
            Supplier<String> bearer) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("A batch holds 1 to " + MAX_BATCH + " events");
        }
        this.http = http;
        this.contactEvents = events(contactService);
        this.feedbackEvents = events(feedbackService);
        this.batchSize = batchSize;
        this.firstBackoff = firstBackoff;
        this.bearer = bearer;
    }

    @Override
    public Delivery send(List<SimulatedEvent> events) {
        List<SimulatedEvent> contact = new ArrayList<>();
        List<SimulatedEvent> feedback = new ArrayList<>();
        for (SimulatedEvent event : events) {
            (Topics.INGEST_FEEDBACK.equals(event.ingestTopic()) ? feedback : contact).add(event);
        }
        return post(contactEvents, contact).plus(post(feedbackEvents, feedback));
    }

    private Delivery post(URI endpoint, List<SimulatedEvent> events) {
        Delivery delivery = Delivery.NONE;
        for (int from = 0; from < events.size(); from += batchSize) {
            delivery = delivery.plus(postBatch(endpoint, events.subList(from, Math.min(events.size(), from + batchSize))));
        }
        return delivery;
    }

    private Delivery postBatch(URI endpoint, List<SimulatedEvent> batch) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        batch.forEach(event -> array.add(event.toStructured()));
        byte[] body = json.writeValueAsBytes(array);
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                // asked each time: a retry after a long back-off may need a fresh token
                HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", BATCH).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + bearer.get())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202 || status == 207) {
                    return answered(endpoint, batch.size(), status, response.body());
                }
                failure = endpoint + " answered " + status + ": " + response.body();
                if (status < 500 && status != 429) {
                    break;
                }
            }
            catch (IOException e) {
                failure = endpoint + " could not be reached: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while posting to " + endpoint, e);
            }
            if (attempt < ATTEMPTS) {
                LockSupport.parkNanos(firstBackoff.toNanos() << (attempt - 1));
            }
        }
        throw new IllegalStateException(failure);
    }

    private Delivery answered(URI endpoint, int size, int status, String body) {
        if (status == 202) {
            return new Delivery(size, 0);
        }
        JsonNode answer = json.readTree(body);
        long rejected = answer.path("rejected").asLong();
        if (rejected > 0 && !toldRejection) {
            toldRejection = true;
            for (JsonNode result : answer.path("results")) {
                if (result.path("status").asInt() >= 400) {
                    log.warn("{} refused event {}: {}", endpoint, result.path("id").asString(""), result.path("problem"));
                    break;
                }
            }
        }
        return new Delivery(answer.path("accepted").asLong(size - rejected), rejected);
    }

    @Override
    public void close() {
        // the JDK client has nothing to release on Java 17
    }

    private static URI events(URI base) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + PATH);
    }
}
