package dk.servicepuls.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the settings every service shares (operations endpoints, virtual threads, Kafka durability, logging) as the
 * lowest-ranked property source, so a service's own application.yml, profiles and environment still win.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "servicepuls-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("servicepulsDefaults",
                    new ClassPathResource(RESOURCE, PlatformDefaults.class.getClassLoader())));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE + " in service-platform", e);
        }
    }
}
