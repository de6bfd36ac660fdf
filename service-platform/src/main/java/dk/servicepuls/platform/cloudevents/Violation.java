package dk.servicepuls.platform.cloudevents;

/**
 * One reason an event was refused, in the shape RFC 9457 suggests for errors: a JSON pointer into the structured
 * form of the event ({@code #/time}, {@code #/data/party/type}) and a sentence. The detail never repeats the
 * offending value, because that value may be personal data.
 */
public record Violation(String pointer, String detail) {

    public static Violation attribute(String attribute, String detail) {
        return new Violation("#/" + attribute, detail);
    }

    /** @param field a dotted path inside {@code data}, e.g. {@code party.type}; {@code data} for data itself */
    public static Violation field(String field, String detail) {
        if (field == null || field.isEmpty() || field.equals("data")) {
            return new Violation("#/data", detail);
        }
        return new Violation("#/data/" + field.replace('.', '/'), detail);
    }

    public static Violation body(String detail) {
        return new Violation("#", detail);
    }
}
