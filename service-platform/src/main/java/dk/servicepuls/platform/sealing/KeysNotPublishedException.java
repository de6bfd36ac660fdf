package dk.servicepuls.platform.sealing;

/**
 * Kafka did not take a new text key in time (the broker away or slow): nothing sealed with it may be published, so
 * the events that needed it are not acknowledged and are sent again.
 */
public class KeysNotPublishedException extends RuntimeException {

    public KeysNotPublishedException(int keys, Throwable cause) {
        super(keys + " new text keys not on Kafka: " + cause.getClass().getName(), cause);
    }
}
