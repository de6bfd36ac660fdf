package dk.servicepuls.benchmark.load;

import java.time.Instant;

/**
 * One CloudEvent as the benchmark sends it; {@code data} is the JSON text of the event's data. The id is
 * {@code <tag>-<number>}, so that whoever watches {@code contact.events} can tell which phase an event belongs to.
 */
public record GeneratedEvent(String id, String source, String type, Instant time, String subject, String department,
        String data) {

    /** The structured form, for HTTP ({@code application/cloudevents+json}, or one element of a batch). */
    public String structuredJson() {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"time\":\"" + time + "\",\"subject\":\"" + subject + "\",\"department\":\"" + department
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    /** A batch body ({@code application/cloudevents-batch+json}). */
    public static String batchJson(Iterable<GeneratedEvent> events) {
        StringBuilder batch = new StringBuilder("[");
        for (GeneratedEvent event : events) {
            if (batch.length() > 1) {
                batch.append(',');
            }
            batch.append(event.structuredJson());
        }
        return batch.append(']').toString();
    }
}
