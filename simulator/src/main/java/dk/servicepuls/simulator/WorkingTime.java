package dk.servicepuls.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Office hours in Copenhagen: department systems record contacts and decisions on weekdays between 08:00 and 15:30.
 * Holidays are ignored; the platform's own working-day calendar does not need the simulator to agree with it.
 */
final class WorkingTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final int OPENS_MINUTE = 8 * 60;
    private static final int OFFICE_MINUTES = 7 * 60 + 30;

    private WorkingTime() {
    }

    /** A random moment in office hours on the first working day at or after {@code day}. */
    static Instant during(Instant day, RandomGenerator random) {
        LocalDate date = workingDayFrom(day.atZone(ZONE).toLocalDate());
        int minute = OPENS_MINUTE + random.nextInt(OFFICE_MINUTES);
        int second = random.nextInt(60);
        return date.atTime(LocalTime.of(minute / 60, minute % 60, second)).atZone(ZONE).toInstant();
    }

    /** Noon, {@code days} working days after {@code from}: when a pending decision is due. */
    static Instant noonAfterWorkingDays(Instant from, int days) {
        LocalDate date = from.atZone(ZONE).toLocalDate();
        for (int i = 0; i < days; i++) {
            date = workingDayFrom(date.plusDays(1));
        }
        return date.atTime(12, 0).atZone(ZONE).toInstant();
    }

    /** A moment during office hours somewhere in {@code [from, from + span)}, never before {@code from}. */
    static Instant within(Instant from, Duration span, RandomGenerator random) {
        long seconds = Math.max(1, span.toSeconds());
        Instant candidate = during(from.plusSeconds(random.nextLong(seconds)), random);
        return candidate.isAfter(from) ? candidate : from.plus(Duration.ofMinutes(5 + random.nextInt(55)));
    }

    static Instant seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    private static LocalDate workingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
