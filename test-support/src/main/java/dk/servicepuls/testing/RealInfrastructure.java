package dk.servicepuls.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real images the platform runs on in the docker and cluster modes, for tests that must prove the code does
 * not lean on the embedded store's or the embedded broker's quirks. Such tests carry
 * {@link RealInfrastructureTest} (or {@code @Testcontainers(disabledWithoutDocker = true)}) and skip where no Docker
 * engine runs.
 */
public final class RealInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String MONGO_IMAGE = "mongo:8.0";

    private RealInfrastructure() {
    }

    public static KafkaContainer kafka() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    /** A one-member replica set, as in the docker mode. */
    public static MongoDBContainer mongo() {
        return new MongoDBContainer(MONGO_IMAGE);
    }
}
