package dk.servicepuls.platform.sealing;

import dk.servicepuls.platform.kafka.NotTheRecordsFault;

/**
 * {@code privacy.text-keys} could not be written or read in time (the broker away or slow). Nothing sealed with a key
 * that is not on Kafka may go out, and no text may be taken for unreadable because its key could not be looked for:
 * what needed the keys is answered 503 or tried again, never dropped.
 */
public class TextKeysUnavailableException extends NotTheRecordsFault {

    public TextKeysUnavailableException(String message, Throwable cause) {
        // the cause's class only: its message may quote a record
        super(message + ": " + (cause == null ? "no cause" : cause.getClass().getName()), cause);
    }
}
