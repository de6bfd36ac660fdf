package dk.servicepuls.platform.cloudevents;

/** What is known of an event's identity, as far as it could be read: any part may be null for a broken event. */
public record EventRef(String source, String id, String type) {

    public static final EventRef UNKNOWN = new EventRef(null, null, null);
}
