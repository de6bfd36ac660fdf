package dk.servicepuls.benchmark.load;

/** Ids of the form {@code <tag>-<number>}: the tag names the phase, the number is unique within it. */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String tag, long number) {
        return tag + "-" + number;
    }

    /** The tag of an id, or {@code null} when the id is not one of ours. */
    public static String tag(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        return dash <= 0 ? null : id.substring(0, dash);
    }

    /** The number of an id, or -1 when the id is not one of ours. */
    public static long number(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash <= 0 || dash == id.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(dash + 1));
        }
        catch (NumberFormatException notOurs) {
            return -1;
        }
    }
}
