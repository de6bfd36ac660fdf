package dk.servicepuls.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.Violation;
import io.cloudevents.CloudEvent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.messaging.Message;

/**
 * Reads a CloudEvent from a message that Spring Cloud Stream bound from a Kafka record: the binder hands over the
 * record's headers, which are put back into Kafka form for the SDK's Kafka binding.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /**
     * Reads an event that a platform service published. One that cannot be read is a broken record, not something
     * that happened on a case: it throws, so the binder retries the record and then parks it on the dead-letter topic.
     */
    public static CloudEvent readPublished(CloudEventReader reader, Message<byte[]> message, String topic) {
        ReadResult read = read(reader, message);
        if (read instanceof ReadResult.Unreadable unreadable) {
            throw new IllegalArgumentException("Unreadable CloudEvent on " + topic + ": "
                    + unreadable.violations().stream().map(Violation::pointer).toList());
        }
        return ((ReadResult.Readable) read).event();
    }

    /** The event's department extension, or {@code null} when it has none. */
    public static String department(CloudEvent event) {
        Object department = event.getExtension(CloudEventAttributes.DEPARTMENT);
        return department == null ? null : department.toString();
    }

    public static ReadResult read(CloudEventReader reader, Message<byte[]> message) {
        RecordHeaders headers = new RecordHeaders();
        message.getHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("ce_") || lower.equals("content-type")) {
                headers.add(lower, value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        return reader.readKafka(headers, message.getPayload());
    }
}
