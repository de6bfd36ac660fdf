package dk.servicepuls.local;

import java.util.ArrayList;
import java.util.List;

import dk.servicepuls.testing.RunningService;

/**
 * Starts one of the services in this JVM as the local mode does (its own application.yml, without what the other
 * services' dependencies would configure), on a store and a broker the test holds, so that a test can stop, restart or
 * kill the broker under it.
 */
final class ServicesOnOneClassPath {

    private ServicesOnOneClassPath() {
    }

    /**
     * @param storeUri a database of the service's own, e.g. an {@code EmbeddedStore.freshUri}
     */
    static RunningService start(LocalService service, String storeUri, String bootstrapServers, String... settings) {
        List<String> args = new ArrayList<>(List.of("--spring.config.location=" + ServiceConfigLocation.of(service.application())));
        List<String> excluded = SharedClassPath.excludedAutoConfigurations(service);
        if (!excluded.isEmpty()) {
            args.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
        }
        if (service.security() == LocalService.Security.RESOURCE_SERVER) {
            // asked for its keys on the first request with a token only, which these tests never make
            args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:" + FreePorts.find());
        }
        args.addAll(List.of(settings));
        return RunningService.start(service.application(), storeUri, bootstrapServers, args.toArray(String[]::new));
    }
}
