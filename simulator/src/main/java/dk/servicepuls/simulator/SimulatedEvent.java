package dk.servicepuls.simulator;

import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.contracts.EventType;
import java.time.Instant;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One CloudEvent as a department system would send it. {@code data} is shared, not copied: treat it as read-only.
 *
 * @param subject the case id; every simulated event belongs to a case
 */
public record SimulatedEvent(EventType type, String id, String source, Instant time, String subject,
        String department, ObjectNode data) {

    /** The ingest topic the event belongs on ({@code ingest.contact} or {@code ingest.feedback}). */
    public String ingestTopic() {
        return type.ingestTopic();
    }

    /** The whole event in structured mode, attributes in the contract's order. */
    public ObjectNode toStructured() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", CloudEventAttributes.SPEC_VERSION);
        event.put("id", id);
        event.put("source", source);
        event.put("type", type.type());
        event.put("time", time.toString());
        event.put("subject", subject);
        event.put(CloudEventAttributes.DEPARTMENT, department);
        event.put("datacontenttype", CloudEventAttributes.DATA_CONTENT_TYPE);
        event.set("data", data);
        return event;
    }
}
