package dk.servicepuls.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dk.servicepuls.platform.cloudevents.CloudEventReader;
import dk.servicepuls.contracts.CloudEventAttributes;
import dk.servicepuls.platform.cloudevents.ReadResult;
import dk.servicepuls.platform.cloudevents.Violation;
import io.cloudevents.CloudEvent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Reads CloudEvents from a batch-mode message that Spring Cloud Stream bound from a poll of Kafka records: the binder
 * hands over each record's headers, which are put back into Kafka form for the SDK's Kafka binding.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /**
     * Reads a batch of events that platform services published and hands them to {@code handle} in order. An
     * unreadable record ends the batch there: what came before it is handled, and the record's index goes to the
     * binder, which commits up to it, retries the record and parks it on the dead-letter topic, then goes on.
     */
    public static void handlePublishedBatch(CloudEventReader reader, Message<List<byte[]>> batch, String topic,
            Consumer<List<CloudEvent>> handle) {
        List<ReadResult> read = readBatch(reader, batch);
        List<CloudEvent> events = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) instanceof ReadResult.Unreadable unreadable) {
                handle.accept(events);
                throw new BatchListenerFailedException("Unreadable CloudEvent on " + topic + ": "
                        + unreadable.violations().stream().map(Violation::pointer).toList(), i);
            }
            events.add(((ReadResult.Readable) read.get(i)).event());
        }
        handle.accept(events);
    }

    /** The event's department extension, or {@code null} when it has none. */
    public static String department(CloudEvent event) {
        Object department = event.getExtension(CloudEventAttributes.DEPARTMENT);
        return department == null ? null : department.toString();
    }

    /**
     * Reads every record of a batch-mode message; the binder hands each record's headers over as one map of the
     * {@link KafkaHeaders#BATCH_CONVERTED_HEADERS} list, in the order of the payloads.
     */
    public static List<ReadResult> readBatch(CloudEventReader reader, Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batchHeaders(batch, payloads.size());
        List<ReadResult> read = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            read.add(reader.readKafka(ceHeaders(headers.get(i)), payloads.get(i)));
        }
        return read;
    }

    /** The headers of each record of a batch-mode message, in the order of its payloads. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> batchHeaders(Message<? extends List<?>> batch, int size) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (!(converted instanceof List<?> list) || list.size() != size) {
            throw new IllegalStateException("A batch of " + size + " records came without the headers of each record; it has "
                    + batch.getHeaders().keySet());
        }
        return (List<Map<String, Object>>) list;
    }

    private static RecordHeaders ceHeaders(Map<String, Object> messageHeaders) {
        RecordHeaders headers = new RecordHeaders();
        messageHeaders.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (value != null && (lower.startsWith("ce_") || lower.equals("content-type"))) {
                headers.add(lower, value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        return headers;
    }
}
