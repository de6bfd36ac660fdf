package dk.servicepuls.simulator;

/** A decision's outcome, as the contract spells it; {@link #UNKNOWN} only as an expectation. */
public enum Outcome {
    APPROVED("approved"), PARTIALLY_APPROVED("partially_approved"), REJECTED("rejected"), UNKNOWN("unknown");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Rejected or partially approved: what the call policy and the platform's risk model react to. */
    public boolean unfavourable() {
        return this == REJECTED || this == PARTIALLY_APPROVED;
    }

    public static Outcome of(String code) {
        for (Outcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("Unknown outcome " + code);
    }
}
