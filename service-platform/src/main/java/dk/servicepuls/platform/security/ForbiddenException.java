package dk.servicepuls.platform.security;

/** The caller is known but may not see or do this; answered as a 403 problem. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
