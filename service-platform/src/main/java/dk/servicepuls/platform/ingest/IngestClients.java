package dk.servicepuls.platform.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The senders that may publish over HTTP ({@code servicepuls.ingest.clients}), each with its rights and its own rate
 * limit, so one sender's burst cannot take the service from the others. A sender is known by its token's subject,
 * which for a client-credentials token is its client id.
 */
final class IngestClients {

    private static final Logger log = LoggerFactory.getLogger(IngestClients.class);

    private final Map<String, Client> clients;

    IngestClients(IngestProperties properties) {
        this.clients = properties.clients().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> client(entry.getKey(), entry.getValue(), properties.maxBatchSize())));
        clients.values().stream().filter(client -> client.rights().allowsEverything()).forEach(client -> log.warn(
                "Ingest client {} may publish for every department and source: fine for tests and a demo, not for a pilot",
                client.rights().client()));
        if (clients.isEmpty()) {
            log.warn("No ingest clients (servicepuls.ingest.clients): every HTTP ingest request is refused (403)");
        }
    }

    /** A sender's rights and the verdict on its next {@code events} events; empty for a sender that is not bound. */
    Optional<Admission> admit(String client, int events) {
        return Optional.ofNullable(client).map(clients::get).map(known -> known.admit(events));
    }

    /**
     * @param retryAfter zero when admitted; otherwise how long until the sender's rate allows this many events
     */
    record Admission(PublishRights rights, Duration retryAfter, int eventsPerSecond) {

        boolean admitted() {
            return retryAfter.isZero();
        }
    }

    private record Client(PublishRights rights, AtomicRateLimiter limiter, int eventsPerSecond) {

        Admission admit(int events) {
            if (limiter.acquirePermission(events)) {
                return new Admission(rights, Duration.ZERO, eventsPerSecond);
            }
            Duration wait = Duration.ofNanos(Math.max(limiter.getDetailedMetrics().getNanosToWait(), 1));
            return new Admission(rights, wait, eventsPerSecond);
        }
    }

    private static Client client(String id, IngestProperties.Client settings, int maxBatchSize) {
        if (settings.eventsPerSecond() < maxBatchSize) {
            // a full batch would never fit in one second's allowance, and would be refused for ever
            throw new IllegalArgumentException("servicepuls.ingest.clients." + id + ".events-per-second ("
                    + settings.eventsPerSecond() + ") must be at least servicepuls.ingest.max-batch-size (" + maxBatchSize + ")");
        }
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(settings.eventsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build();
        return new Client(new PublishRights(id, Set.copyOf(settings.departments()), settings.sources()),
                new AtomicRateLimiter("ingest-" + id, config), settings.eventsPerSecond());
    }
}
