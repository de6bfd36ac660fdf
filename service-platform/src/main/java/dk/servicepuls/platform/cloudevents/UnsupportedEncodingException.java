package dk.servicepuls.platform.cloudevents;

/** The request is neither a structured, a batch nor a binary-mode CloudEvent. */
public class UnsupportedEncodingException extends RuntimeException {

    public UnsupportedEncodingException(String message) {
        super(message);
    }
}
