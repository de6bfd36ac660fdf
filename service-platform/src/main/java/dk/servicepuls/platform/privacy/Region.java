package dk.servicepuls.platform.privacy;

/** A stretch of text, {@code [start, end)}, that is personal data of one kind and is replaced by that kind's mask. */
record Region(int start, int end, String mask) {
}
