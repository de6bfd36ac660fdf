package dk.servicepuls.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dk.servicepuls.support.cloudevents.CloudEventReader;
import dk.servicepuls.support.cloudevents.ReadResult;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.messaging.Message;

/**
 * Reads a CloudEvent from a message that Spring Cloud Stream bound from a Kafka record: the binder hands over the
 * record's headers, which are put back into Kafka form for the SDK's Kafka binding.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
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
