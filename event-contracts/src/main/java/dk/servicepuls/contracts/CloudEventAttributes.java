package dk.servicepuls.contracts;

/**
 * CloudEvents attribute names and values the platform relies on beyond the CloudEvents 1.0 core.
 *
 * <p>Envelope rules, for every event on every topic and endpoint:
 * <ul>
 *   <li>{@code specversion} is {@value #SPEC_VERSION};</li>
 *   <li>{@code id} is unique per {@code source}: ({@code source}, {@code id}) is the idempotency key;</li>
 *   <li>{@code source} is a URI-reference naming the publishing system, e.g. {@code /aarhus/borgerservice/esdh};</li>
 *   <li>{@code type} is one of {@link EventType}; unknown types are rejected;</li>
 *   <li>{@code time} (RFC 3339) is required;</li>
 *   <li>{@code subject} is the department's case id, required where {@link EventType#subjectRequired()},
 *       and the Kafka key;</li>
 *   <li>{@value #DEPARTMENT} (extension) is the department code, always required;</li>
 *   <li>{@code datacontenttype} is {@value #DATA_CONTENT_TYPE}; {@code data} follows the type's JSON Schema
 *       (see {@link EventSchemas}).</li>
 * </ul>
 * Services publish in binary mode ({@code ce_*} Kafka headers); ingestion also accepts structured mode.
 */
public final class CloudEventAttributes {

    /** Extension attribute holding the department code; required on every event. */
    public static final String DEPARTMENT = "department";
    /** The only CloudEvents spec version accepted. */
    public static final String SPEC_VERSION = "1.0";
    /** The content type of {@code data} on every event. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEventAttributes() {
    }
}
