package dk.servicepuls.testing;

import org.springframework.core.env.Environment;

/**
 * The service a {@link ServiceIntegrationTest} started, as a test talks to it: its HTTP port, the broker and its
 * settings. Test helpers take it in their constructor so that {@link PerTest} can make them.
 */
public record ServiceUnderTest(int port, String brokers, Environment environment) {

    public HttpCalls http() {
        return new HttpCalls(port);
    }

    /** A setting of the running service, e.g. {@code servicepuls.ingest.publish-to}. */
    public String property(String name) {
        String value = environment.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("The service under test has no setting " + name);
        }
        return value;
    }
}
