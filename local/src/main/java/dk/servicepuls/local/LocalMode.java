package dk.servicepuls.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dk.servicepuls.simulator.run.LocalSimulation;
import dk.servicepuls.embeddedstore.ScanGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole platform in one JVM: broker and store first, then the four services and the identity-server side
 * by side. Prints one line per service once all report healthy; Ctrl-C stops the services, then the store, then the
 * broker.
 * <p>
 * escalation-service may start before the identity-server is up: it fetches the issuer's keys on the first request
 * with a token, and the ready lines appear only once the identity-server reports healthy too.
 */
public final class LocalMode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMode.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

    private final LocalModeSettings settings;
    private final Map<LocalService, ConfigurableApplicationContext> services = new EnumMap<>(LocalService.class);
    private LocalKafkaBroker broker;
    private LocalDocumentStore store;

    LocalMode(LocalModeSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        LocalMode platform = new LocalMode(LocalModeSettings.from(args));
        Optional<LocalSimulation> simulation;
        try {
            // a spec it cannot read should stop the start, not surface half a minute later
            simulation = platform.simulation();
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "servicepuls-local-shutdown"));
        try {
            platform.start();
        }
        catch (RuntimeException e) {
            log.error("The local mode could not start: {}", e.getMessage(), e);
            platform.close();
            System.exit(1);
        }
        platform.printReady(Duration.ofNanos(System.nanoTime() - started));
        simulation.ifPresent(simulator -> {
            System.out.println("Simulator: " + simulator.describe());
            simulator.start();
        });
    }

    /** The simulated municipality that {@code --servicepuls.local.simulate} asks for, sent to this platform's ports. */
    Optional<LocalSimulation> simulation() {
        return LocalSimulation.fromSpec(settings.simulate(), URI.create(url(LocalService.CONTACT)),
                URI.create(url(LocalService.FEEDBACK)), URI.create(url(LocalService.IDENTITY)),
                "localhost:" + settings.kafkaPort(), settings.dataDir());
    }

    void start() {
        // four Spring applications share this JVM's Logback; letting each of them reconfigure it would race
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (!settings.loopbackOnly()) {
            log.warn("The services listen on {}, reachable from other machines, with the demo users and secrets of the "
                    + "README: use this only on a network you trust", settings.bindAddress());
        }
        try {
            Files.createDirectories(settings.dataDir());
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + settings.dataDir(), e);
        }
        ExecutorService starters = starters();
        try {
            CompletableFuture<LocalKafkaBroker> kafka = settings.replaying() ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> LocalKafkaBroker.start(settings.dataDir().resolve("kafka"),
                            settings.kafkaPort()), starters);
            store = LocalDocumentStore.start(settings.dataDir().resolve("store.mv"), settings.storePort());
            String key = PseudonymKey.loadOrCreate(settings.dataDir());
            broker = kafka.join();

            Map<LocalService, CompletableFuture<ConfigurableApplicationContext>> starting = new EnumMap<>(LocalService.class);
            for (LocalService service : settings.services()) {
                starting.put(service, CompletableFuture.supplyAsync(() -> startService(service, key), starters));
            }
            starting.forEach((service, context) -> services.put(service, context.join()));
        }
        finally {
            starters.shutdown();
        }
        awaitHealthy();
    }

    /**
     * Threads made here inherit this thread's context class loader, which in the executable jar is the one that sees
     * the nested jars. The common pool's threads may not (JDK 25 gives them the system loader), and Kafka and Spring
     * load classes by name through the context class loader.
     */
    private static ExecutorService starters() {
        return Executors.newFixedThreadPool(LocalService.values().length);
    }

    private ConfigurableApplicationContext startService(LocalService service, String key) {
        int port = settings.ports().get(service);
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.location=" + ServiceConfigLocation.of(service.application()),
                "--server.port=" + port,
                "--server.address=" + settings.bindAddress(),
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                // each context keeps its own meters; the global registry would mix the four services
                "--management.metrics.use-global-registry=false"));
        if (service.usesPlatform()) {
            args.add("--spring.mongodb.uri=" + store.connectionString() + "/" + service.database());
            args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers());
            args.add("--servicepuls.privacy.pseudonym-key=" + key);
            // the embedded store commits every acknowledged write: a consumer's batch commits once, at its end
            args.add("--servicepuls.store.batch-commit=true");
            // one instance of each service: nothing but its own last run leaves entries behind, found at start; the
            // store ignores the sparse index a periodic sweep would read, and would scan everything it holds
            args.add("--servicepuls.outbox.sweep-interval=0s");
        }
        if (service.security() == LocalService.Security.RESOURCE_SERVER) {
            // the identity-server's issuer is http://localhost:<its port> (its application.yml), on whatever port
            args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + url(LocalService.IDENTITY));
        }
        if (service.ingests()) {
            args.addAll(DemoSenders.bindings());
        }
        if (service == LocalService.FEEDBACK) {
            // survey links point at the survey page as this machine serves it
            args.add("--servicepuls.surveys.base-url=" + url(LocalService.FEEDBACK));
        }
        if (settings.replaying()) {
            // a consumer group of its own reads every topic from the beginning (auto.offset.reset earliest)
            args.add("--servicepuls.analytics.consumer-group=" + settings.replayGroup());
        }
        if (service == LocalService.ANALYTICS) {
            // a municipality's KPIs compute in milliseconds: the scorecard gauges fill while a simulation runs
            args.add("--servicepuls.kpi-gauges.refresh=15s");
        }
        if (service.security() == LocalService.Security.ISSUER) {
            // the inbox's sign-in comes back to escalation-service, on whatever port it runs
            args.add("--servicepuls.identity.inbox-port=" + settings.ports().get(LocalService.ESCALATION));
            // and the dashboard's to analytics-service
            args.add("--servicepuls.identity.dashboard-port=" + settings.ports().get(LocalService.ANALYTICS));
        }
        List<String> excluded = SharedClassPath.excludedAutoConfigurations(service);
        if (!excluded.isEmpty()) {
            args.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
        }
        return new SpringApplicationBuilder(service.application()).registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        for (LocalService service : settings.services()) {
            URI health = URI.create(url(service) + "/actuator/health");
            while (!isUp(http, health)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.serviceName() + " did not report healthy at " + health
                            + " within " + HEALTH_TIMEOUT.toSeconds() + " s");
                }
                pause();
            }
        }
    }

    private static boolean isUp(HttpClient http, URI health) {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    /** What the store saw of full collection scans since it started; for the tests that prove there are none. */
    ScanGuard scanGuard() {
        return store.scanGuard();
    }

    /** A bean of a running service, for tests that drive a scheduled job themselves. */
    <T> T bean(LocalService service, Class<T> type) {
        return services.get(service).getBean(type);
    }

    String url(LocalService service) {
        return "http://localhost:" + settings.ports().get(service);
    }

    private void printReady(Duration took) {
        StringBuilder ready = new StringBuilder(String.format("%nServicepuls is ready in %.1f s (data in %s)%n",
                took.toMillis() / 1000.0, settings.dataDir()));
        for (LocalService service : settings.services()) {
            ready.append(String.format("  %-19s %-23s %s%n", service.serviceName(), url(service), service.tryFirst()));
        }
        ready.append(String.format("  %-19s %-23s %s%n", "kafka", bootstrapServers(), settings.replaying()
                ? "replaying from the beginning in consumer group " + settings.replayGroup()
                : "topics ingest.contact, contact.events, …"));
        ready.append(String.format("  %-19s %-23s %s%n", "store", store.connectionString(), "MongoDB wire protocol"));
        ready.append("Press Ctrl-C to stop.");
        System.out.println(ready);
    }

    /** This run's broker, or the other platform's that a replay reads. */
    private String bootstrapServers() {
        return settings.replaying() ? settings.replayFrom() : broker.bootstrapServers();
    }

    @Override
    public synchronized void close() {
        if (services.isEmpty() && store == null && broker == null) {
            return;
        }
        log.info("Stopping Servicepuls");
        // services first, so their last writes and offset commits reach the store and the broker
        ExecutorService stoppers = starters();
        try {
            CompletableFuture.allOf(services.values().stream()
                    .map(context -> CompletableFuture.runAsync(context::close, stoppers))
                    .toArray(CompletableFuture[]::new)).join();
        }
        finally {
            stoppers.shutdown();
        }
        services.clear();
        if (store != null) {
            store.close();
            store = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        log.info("Servicepuls stopped");
    }
}
