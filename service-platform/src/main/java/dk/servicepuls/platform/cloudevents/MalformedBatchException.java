package dk.servicepuls.platform.cloudevents;

/** A batch request whose body is not a JSON array. */
public class MalformedBatchException extends RuntimeException {

    public MalformedBatchException(String message) {
        super(message);
    }
}
