package dk.servicepuls.platform.kafka;

/**
 * A failure that is no fault of the record being handled (something the service depends on is away or slow): its
 * batch is retried with a growing pause until it passes, never parked on the dead-letter topic, as when the store is
 * away ({@link ConsumerErrorPolicy}).
 */
public abstract class NotTheRecordsFault extends RuntimeException {

    protected NotTheRecordsFault(String message, Throwable cause) {
        super(message, cause);
    }
}
