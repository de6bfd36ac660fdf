package dk.servicepuls.simulator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.servicepuls.contracts.Topics;
import dk.servicepuls.simulator.Municipality;
import dk.servicepuls.simulator.SimulatedEvent;
import dk.servicepuls.simulator.SimulationSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HttpSinkTests {

    private static final List<SimulatedEvent> EVENTS =
            Municipality.simulate(SimulationSettings.defaults().withSeed(3).withCases(400)).events();

    /** One request as the server saw it. */
    record Received(String path, String contentType, String authorization, List<String> types, List<String> ids) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final AtomicInteger tokensAsked = new AtomicInteger();
    private volatile int refuseFirstOfEachBatch;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/contact/api/v1/events", this::answer);
        server.createContext("/feedback/api/v1/events", this::answer);
        server.start();
        base = URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void postsBatchesOfAtMostAThousandWithTheBatchContentType() {
        try (EventSink sink = sink(1000)) {
            Delivery delivery = sink.send(EVENTS);

            assertThat(delivery).isEqualTo(new Delivery(EVENTS.size(), 0));
        }
        assertThat(received).allSatisfy(request -> {
            assertThat(request.contentType()).isEqualTo("application/cloudevents-batch+json");
            assertThat(request.types()).hasSizeBetween(1, 1000);
        });
        assertThat(received).filteredOn(r -> r.types().size() == 1000).isNotEmpty();
        assertThat(received.stream().mapToInt(r -> r.types().size()).sum()).isEqualTo(EVENTS.size());
    }

    @Test
    void sendsCaseAndContactTypesToContactServiceAndFeedbackAndComplaintsToFeedbackService() {
        try (EventSink sink = sink(250)) {
            sink.send(EVENTS);
        }
        List<String> contact = typesAt("/contact/api/v1/events");
        List<String> feedback = typesAt("/feedback/api/v1/events");
        assertThat(contact).isNotEmpty().allMatch(type -> type.contains(".case.") || type.contains(".contact.")
                || type.contains(".decision."));
        assertThat(feedback).isNotEmpty().allMatch(type -> type.contains(".feedback.") || type.contains(".complaint."));
        assertThat(received).allSatisfy(request -> assertThat(request.types()).hasSizeLessThanOrEqualTo(250));
    }

    @Test
    void keepsTheStreamsOrderWithinEachService() {
        try (EventSink sink = sink(100)) {
            sink.send(EVENTS);
        }
        List<String> expected = EVENTS.stream().filter(e -> Topics.INGEST_CONTACT.equals(e.ingestTopic()))
                .map(SimulatedEvent::id).toList();
        List<String> ids = new ArrayList<>();
        received.stream().filter(r -> r.path().startsWith("/contact")).forEach(r -> ids.addAll(r.ids()));
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void countsTheEventsAMultiStatusAnswerRefused() {
        refuseFirstOfEachBatch = 1;
        List<SimulatedEvent> some = EVENTS.subList(0, 50);
        try (EventSink sink = sink(1000)) {
            Delivery delivery = sink.send(some);

            assertThat(delivery.rejected()).isEqualTo(received.size());
            assertThat(delivery.total()).isEqualTo(50);
        }
    }

    @Test
    void retriesABatchTheServiceCouldNotTakeYet() {
        failuresToGo.set(2);
        try (EventSink sink = sink(1000)) {
            Delivery delivery = sink.send(EVENTS.subList(0, 10));

            assertThat(delivery.accepted()).isEqualTo(10);
        }
    }

    @Test
    void everyRequestCarriesTheSendersCurrentToken() {
        try (EventSink sink = sink(100)) {
            sink.send(EVENTS.subList(0, 300));
        }

        assertThat(received).isNotEmpty().allSatisfy(request -> assertThat(request.authorization()).startsWith("Bearer token-"));
        assertThat(received).extracting(Received::authorization).doesNotHaveDuplicates();
    }

    @Test
    void givesUpOnARequestTheServiceRefusesAsAWhole() {
        server.removeContext("/contact/api/v1/events");
        server.createContext("/contact/api/v1/events", exchange -> respond(exchange, 413, "{\"type\":\"batch-too-large\"}"));
        try (EventSink sink = sink(1000)) {
            assertThatIllegalStateException().isThrownBy(() -> sink.send(EVENTS.subList(0, 10))).withMessageContaining("413");
        }
    }

    private EventSink sink(int batchSize) {
        return new HttpSink(HttpClient.newHttpClient(), URI.create(base + "/contact"), URI.create(base + "/feedback/"),
                batchSize, Duration.ofMillis(1), () -> "token-" + tokensAsked.incrementAndGet());
    }

    private List<String> typesAt(String path) {
        List<String> types = new ArrayList<>();
        received.stream().filter(r -> r.path().equals(path)).forEach(r -> types.addAll(r.types()));
        return types;
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (failuresToGo.getAndDecrement() > 0) {
            respond(exchange, 503, "{}");
            return;
        }
        JsonNode batch = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        batch.forEach(event -> {
            types.add(event.path("type").asString());
            ids.add(event.path("id").asString());
        });
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
                types, ids));
        int refused = Math.min(refuseFirstOfEachBatch, types.size());
        if (refused == 0) {
            respond(exchange, 202, "{\"accepted\":" + types.size() + ",\"rejected\":0,\"results\":[]}");
        }
        else {
            respond(exchange, 207, "{\"accepted\":" + (types.size() - refused) + ",\"rejected\":" + refused
                    + ",\"results\":[{\"index\":0,\"id\":\"" + ids.get(0) + "\",\"status\":400,\"problem\":{\"title\":\"Invalid event\"}}]}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
