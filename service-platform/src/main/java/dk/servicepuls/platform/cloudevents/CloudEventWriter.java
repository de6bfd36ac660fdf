package dk.servicepuls.platform.cloudevents;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

import dk.servicepuls.contracts.CloudEventAttributes;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the platform's outgoing events and turns them into binary-mode Kafka records keyed by case id. */
public final class CloudEventWriter {

    private CloudEventWriter() {
    }

    public static CloudEvent event(String source, String id, String type, Instant time, String subject, String department,
            byte[] jsonData) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withExtension(CloudEventAttributes.DEPARTMENT, department)
                .withDataContentType("application/json")
                .withData(jsonData);
        if (subject != null) {
            builder.withSubject(subject);
        }
        return builder.build();
    }

    public static ProducerRecord<String, byte[]> binaryRecord(String topic, String key, CloudEvent event) {
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
    }
}
