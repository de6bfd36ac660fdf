package dk.servicepuls.platform.ingest;

/**
 * Kafka did not take every accepted event of a request or poll in time (the broker away or too slow): the request is
 * answered 503 and a poll is tried again. What Kafka did take is stored, so sending the same again is safe.
 */
public class EventsNotPublishedException extends RuntimeException {

    EventsNotPublishedException(int notPublished, int of, Throwable cause) {
        // the cause's class only: its message may quote a record
        super(notPublished + " of " + of + " accepted events not on Kafka: " + cause.getClass().getName(), cause);
    }
}
