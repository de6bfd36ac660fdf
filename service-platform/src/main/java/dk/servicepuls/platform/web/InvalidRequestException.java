package dk.servicepuls.platform.web;

/**
 * A request a handler refuses for what it says, not how it is formed: answered as a 400 problem of the given type,
 * with the detail and one property naming where it went wrong (for example {@code pointer: /text} for a body's
 * field, {@code parameter: from} for a query parameter). The detail goes into the answer, so it must not quote input.
 */
public class InvalidRequestException extends RuntimeException {

    private final String type;
    private final String title;
    private final String where;
    private final String whereValue;

    /**
     * @param type       the problem type's last segment, e.g. {@code invalid-date}
     * @param where      the name of the property that says where: {@code pointer} or {@code parameter}
     * @param whereValue its value: the JSON pointer or the parameter's name
     */
    public InvalidRequestException(String type, String title, String detail, String where, String whereValue) {
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
        this.where = where;
        this.whereValue = whereValue;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String where() {
        return where;
    }

    public String whereValue() {
        return whereValue;
    }
}
