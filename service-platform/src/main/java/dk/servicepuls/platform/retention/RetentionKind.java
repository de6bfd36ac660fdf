package dk.servicepuls.platform.retention;

/** The kinds of data with a retention period of their own ({@code servicepuls.retention.cases}, {@code .unlinked}). */
public enum RetentionKind {
    /** everything of a case, counted from its {@code case.closed} */
    CASES,
    /** contacts, feedback and complaints that name no case (their notes, comments and texts), counted from when they happened */
    UNLINKED
}
