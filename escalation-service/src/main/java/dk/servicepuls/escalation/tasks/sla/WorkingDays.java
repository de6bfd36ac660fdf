package dk.servicepuls.escalation.tasks.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * The working-day calendar of a Danish public department: weekends, the public holidays (helligdage) and the days
 * the department is closed by custom (juleaften, Grundlovsdag, …), which vary between employers and so are
 * configuration. Deadlines move by whole working days and keep their time of day in the department's zone, so a
 * call due "two working days before Monday 13:00" is due Thursday 13:00, also across a change to summer time.
 */
public final class WorkingDays {

    /** The day store bededag stopped being a public holiday (Lov nr. 122 of 28 February 2023). */
    private static final int LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

    private final ZoneId zone;
    private final Set<MonthDay> closedEveryYear;
    private final Set<LocalDate> closedOnce;

    /**
     * @param zone            where the department's days begin and end
     * @param closedEveryYear days closed by custom every year, e.g. 12-24 (juleaften) and 06-05 (Grundlovsdag)
     * @param closedOnce      single extra closed days, e.g. a moving day
     */
    public WorkingDays(ZoneId zone, Collection<MonthDay> closedEveryYear, Collection<LocalDate> closedOnce) {
        this.zone = zone;
        this.closedEveryYear = Set.copyOf(closedEveryYear);
        this.closedOnce = Set.copyOf(closedOnce);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isPublicHoliday(day)
                && !closedEveryYear.contains(MonthDay.from(day)) && !closedOnce.contains(day);
    }

    /** The given number of working days after the moment, at the same local time of day. */
    public Instant plus(Instant moment, int workingDays) {
        return move(moment, workingDays, 1);
    }

    /** The given number of working days before the moment, at the same local time of day. */
    public Instant minus(Instant moment, int workingDays) {
        return move(moment, workingDays, -1);
    }

    private Instant move(Instant moment, int workingDays, int direction) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(direction);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, local.toLocalTime(), zone).toInstant();
    }

    /** The Danish helligdage of the day's year (helligdagsloven), which fall on the same days for every employer. */
    public static boolean isPublicHoliday(LocalDate day) {
        int year = day.getYear();
        if (day.equals(LocalDate.of(year, 1, 1)) || day.equals(LocalDate.of(year, 12, 25))
                || day.equals(LocalDate.of(year, 12, 26))) {
            return true;
        }
        long fromEaster = day.toEpochDay() - easterSunday(year).toEpochDay();
        return fromEaster == -3 // skærtorsdag
                || fromEaster == -2 // langfredag
                || fromEaster == 0 || fromEaster == 1 // påskedag, 2. påskedag
                || (fromEaster == 26 && year <= LAST_YEAR_WITH_STORE_BEDEDAG) // store bededag
                || fromEaster == 39 // Kristi himmelfartsdag
                || fromEaster == 49 || fromEaster == 50; // pinsedag, 2. pinsedag
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
