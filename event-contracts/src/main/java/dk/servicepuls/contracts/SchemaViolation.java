package dk.servicepuls.contracts;

/**
 * One reason why an event's {@code data} does not match its schema.
 *
 * @param field  dotted path inside {@code data}, e.g. {@code party.type} or {@code factors[0].code};
 *               {@code data} for the object as a whole
 * @param reason a plain English sentence built from the schema alone; it never repeats the offending value,
 *               so it is safe to log and to return to the sender even when the value is personal data
 */
public record SchemaViolation(String field, String reason) {
}
