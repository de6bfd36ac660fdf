package dk.servicepuls.simulator.publish;

import dk.servicepuls.simulator.SimulatedEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends a simulated stream to the platform.
 *
 * <pre>{@code
 * var token = new ClientCredentials(URI.create("http://localhost:9000/oauth2/token"), "servicepuls-simulator", secret);
 * try (EventSink sink = Publishing.http(URI.create("http://localhost:8081"), URI.create("http://localhost:8082"), token)) {
 *     Publishing.publish(simulation.events(), sink, 50, System.out::println);
 * }
 * }</pre>
 */
public final class Publishing {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private Publishing() {
    }

    /**
     * Batches of up to 1000 to {@code <contactService>/api/v1/events} and {@code <feedbackService>/api/v1/events},
     * each with the sender's token (a {@link ClientCredentials}).
     */
    public static EventSink http(URI contactService, URI feedbackService, Supplier<String> bearer) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new HttpSink(client, contactService, feedbackService, HttpSink.MAX_BATCH, Duration.ofMillis(500), bearer);
    }

    /** To {@code ingest.contact} and {@code ingest.feedback}, keyed by case id, {@code acks=all}. */
    public static EventSink kafka(String bootstrapServers, KafkaEncoding encoding) {
        return KafkaSink.connect(bootstrapServers, encoding);
    }

    /**
     * Sends the events in order, at most {@code eventsPerSecond} on average (0 or less: as fast as possible), and
     * writes a progress line to {@code progress} at most every five seconds and once at the end.
     */
    public static Delivery publish(List<SimulatedEvent> events, EventSink sink, double eventsPerSecond,
            Consumer<String> progress) {
        // a few chunks a second keep a paced stream smooth; unpaced, one chunk is one full batch
        int chunk = eventsPerSecond <= 0 ? HttpSink.MAX_BATCH
                : (int) Math.max(1, Math.min(HttpSink.MAX_BATCH, eventsPerSecond / 4));
        Pacer pacer = new Pacer(eventsPerSecond, System::nanoTime);
        Progress line = new Progress(events.size(), PROGRESS_INTERVAL, System::nanoTime, progress);
        Delivery delivery = Delivery.NONE;
        for (int from = 0; from < events.size(); from += chunk) {
            int to = Math.min(events.size(), from + chunk);
            pacer.awaitTurn(from);
            delivery = delivery.plus(sink.send(events.subList(from, to)));
            line.sent(to, delivery);
        }
        line.done(delivery);
        return delivery;
    }
}
