package dk.servicepuls.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service started for real in this JVM on a store and a broker the test chooses and keeps, so that the test can
 * stop it and start it again on the same data, or start it before or after the broker. Close it to stop it as an
 * orderly shutdown does (the web server, the listeners, then the outbox relay, which drains).
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param storeUri         e.g. an {@link EmbeddedStore#freshUri} kept across restarts
     * @param bootstrapServers the broker, which need not be up yet
     * @param more             further {@code --name=value} arguments, which win over these
     */
    public static RunningService start(Class<?> application, String storeUri, String bootstrapServers, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                "--management.metrics.use-global-registry=false",
                "--spring.mongodb.uri=" + storeUri,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--servicepuls.privacy.pseudonym-key=" + ServiceIntegrationTest.TEST_KEY));
        args.addAll(List.of(more));
        return new RunningService(new SpringApplicationBuilder(application).registerShutdownHook(false)
                .initializers(new TestIssuerInitializer()).run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public HttpCalls http() {
        return new HttpCalls(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
