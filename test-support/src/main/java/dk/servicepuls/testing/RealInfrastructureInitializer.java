package dk.servicepuls.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Points a test context at the real Kafka and MongoDB images ({@link RealInfrastructure}), started once per test
 * JVM and shared, each service in a database of its own. Used through {@link RealInfrastructureTest}, which skips
 * the test before any container is asked for where no Docker engine runs.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPropertyValues.of("spring.kafka.bootstrap-servers=" + kafkaBootstrapServers(),
                "spring.mongodb.uri=" + mongo().getReplicaSetUrl("servicepuls-" + service.replace("-service", "")))
                .applyTo(context);
    }

    /** The real broker's bootstrap servers, for a test's own producers and consumers. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = RealInfrastructure.kafka();
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    private static synchronized MongoDBContainer mongo() {
        if (mongo == null) {
            mongo = RealInfrastructure.mongo();
            mongo.start();
        }
        return mongo;
    }
}
