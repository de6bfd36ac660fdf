package dk.servicepuls.simulator.publish;

/** How an event is put into a Kafka record; the platform reads both. */
public enum KafkaEncoding {
    /** {@code ce_*} headers, {@code data} as the value: what the platform's services publish. */
    BINARY,
    /** the whole event as the value, {@code content-type: application/cloudevents+json} */
    STRUCTURED
}
