package dk.servicepuls.escalation.risk;

import java.time.Duration;

/** Durations in words for the reasons: whole days, hours or minutes, as a caseworker would say them. */
final class Durations {

    private Durations() {
    }

    static String da(Duration duration) {
        return words(duration, "dag", "dage", "time", "timer", "minut", "minutter", "sekund", "sekunder");
    }

    static String en(Duration duration) {
        return words(duration, "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds");
    }

    static String times(long count, String one, String more) {
        return count + " " + (count == 1 ? one : more);
    }

    private static String words(Duration duration, String day, String days, String hour, String hours, String minute,
            String minutes, String second, String seconds) {
        if (duration.toDays() > 0 && duration.toHours() % 24 == 0) {
            return times(duration.toDays(), day, days);
        }
        if (duration.toHours() > 0 && duration.toMinutes() % 60 == 0) {
            return times(duration.toHours(), hour, hours);
        }
        if (duration.toMinutes() > 0 && duration.toSeconds() % 60 == 0) {
            return times(duration.toMinutes(), minute, minutes);
        }
        return times(duration.toSeconds(), second, seconds);
    }
}
