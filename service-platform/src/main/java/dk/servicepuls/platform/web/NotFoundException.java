package dk.servicepuls.platform.web;

/** Something the request names does not exist; answered as a 404 problem with this message as detail. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
