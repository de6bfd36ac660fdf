package dk.servicepuls.feedback.analysis;

/** What a complaint word says the writer will do. */
public enum IntentKind {

    COMPLAINT("complaint"),
    APPEAL("appeal"),
    OMBUDSMAN("ombudsman"),
    LAWYER("lawyer"),
    PRESS("press"),
    ESCALATION("escalation");

    private final String code;

    IntentKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static IntentKind ofCode(String code, String where) {
        for (IntentKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalStateException(where + ": unknown complaint intent [intent:" + code + "]");
    }
}
