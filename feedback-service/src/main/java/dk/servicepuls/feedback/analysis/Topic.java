package dk.servicepuls.feedback.analysis;

/** What a text is about, by the nine rules of good citizen service. */
public enum Topic {

    WAITING_TIME("waiting-time"),
    PROCESSING_TIME("processing-time"),
    SENT_AROUND("sent-around"),
    UNFRIENDLY_TREATMENT("unfriendly-treatment"),
    WRONG_INFORMATION("wrong-information"),
    SELF_SERVICE_FAILURE("self-service-failure"),
    DECISION_DISAGREEMENT("decision-disagreement"),
    MISSING_INFORMATION("missing-information"),
    GOOD_EXPERIENCE("good-experience");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Topic ofCode(String code, String where) {
        for (Topic topic : values()) {
            if (topic.code.equals(code)) {
                return topic;
            }
        }
        throw new IllegalStateException(where + ": unknown topic [topic:" + code + "]");
    }
}
