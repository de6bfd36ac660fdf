package dk.servicepuls.simulator.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local mode's {@code --servicepuls.local.simulate=<spec>}: a simulated municipality sent over HTTP to the local
 * contact- and feedback-service on a background thread, so a new user sees the inbox fill up. The spec is
 * {@code true}, or {@code cases=2000,rate=50,seed=7}; see {@link SimulatorOptions#fromLocalSpec}.
 */
public final class LocalSimulation {

    private static final Logger log = LoggerFactory.getLogger(LocalSimulation.class);

    private final SimulatorOptions options;

    private LocalSimulation(SimulatorOptions options) {
        this.options = options;
    }

    /**
     * @return empty when the spec is empty or {@code false}
     * @throws IllegalArgumentException when the spec cannot be read, with what is expected
     */
    public static Optional<LocalSimulation> fromSpec(String spec, URI contactService, URI feedbackService,
            URI identityServer, String bootstrapServers, Path dataDir) {
        return SimulatorOptions.fromLocalSpec(spec, contactService, feedbackService, identityServer, bootstrapServers,
                dataDir, Instant.now()).map(LocalSimulation::new);
    }

    /** One line for the ready banner: what is being simulated, and how to reproduce it. */
    public String describe() {
        String rate = options.rate() > 0 ? String.format(Locale.ROOT, "at %.0f events/s", options.rate())
                : "as fast as possible";
        return String.format(Locale.ROOT, "%d cases (seed %d) %s to contact- and feedback-service; ground truth in %s",
                options.settings().cases(), options.settings().seed(), rate, options.truthFile());
    }

    /** Starts the run on a daemon thread, which never stops the local mode from shutting down. */
    public Thread start() {
        Thread thread = new Thread(() -> {
            try {
                new SimulationRun(options, log::info).run();
            }
            catch (RuntimeException e) {
                log.warn("The simulator stopped: {}", e.getMessage());
            }
        }, "servicepuls-simulator");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
