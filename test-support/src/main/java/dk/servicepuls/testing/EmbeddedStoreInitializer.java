package dk.servicepuls.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the embedded store, in a database of its own. */
public class EmbeddedStoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPropertyValues.of("spring.mongodb.uri=" + EmbeddedStore.freshUri(name)).applyTo(context);
    }
}
