package dk.servicepuls.contracts;

/**
 * Kafka topic names. Ingest topics carry what department systems send; the event topics carry what the
 * platform has accepted and normalised. Every record is keyed by the case id ({@code subject}) so one case's
 * events stay in order on one partition.
 */
public final class Topics {

    /** Case and contact events from department systems, consumed by contact-service. */
    public static final String INGEST_CONTACT = "ingest.contact";
    /** Feedback and complaints from department systems and survey tools, consumed by feedback-service. */
    public static final String INGEST_FEEDBACK = "ingest.feedback";
    /** One record per ingest record that was refused, with the reasons; keyed by the event's source. */
    public static final String INGEST_REJECTED = "ingest.rejected";
    /** Normalised case and contact events, published by contact-service. */
    public static final String CONTACT_EVENTS = "contact.events";
    /** Normalised feedback and complaints, analyses and survey invitations, published by feedback-service. */
    public static final String FEEDBACK_EVENTS = "feedback.events";
    /** Risk assessments and proactive-call task life cycle, published by escalation-service. */
    public static final String ESCALATION_EVENTS = "escalation.events";
    /**
     * Each service's confirmation that it erased a party ({@code party.erased.v1}), keyed by the erasure request's
     * id: one topic where whoever asked for an erasure sees every service answer.
     */
    public static final String PRIVACY_ERASURES = "privacy.erasures";
    /**
     * The keys that open the free texts sealed on the event topics, one record per key, keyed by the key's id, its
     * value the key wrapped under a key derived from the deployment's secret; a record without a value (a
     * tombstone) says the key was destroyed (erasure, retention). Compacted, so a destroyed key leaves the log.
     */
    public static final String PRIVACY_TEXT_KEYS = "privacy.text-keys";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer group: each group parks its own poison records, so a record that
     * one service cannot process does not hide from the others that can.
     *
     * @return e.g. {@code "escalation-service.dlq"}
     */
    public static String deadLetter(String consumerGroup) {
        return consumerGroup + DEAD_LETTER_SUFFIX;
    }
}
