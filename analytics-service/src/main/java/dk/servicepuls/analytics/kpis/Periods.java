package dk.servicepuls.analytics.kpis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's range cut into periods: from the start of the period holding {@code from} to the end of the one holding
 * {@code to}, each a local [start, end) in the zone, as instants for the facts' times.
 */
final class Periods {

    /** A query may not ask for more periods than this (ten years of weeks, or two of days). */
    static final int MAX_PERIODS = 750;

    record Period(LocalDate start, LocalDate end, Instant from, Instant until) {

        boolean holds(Instant time) {
            return time != null && !time.isBefore(from) && time.isBefore(until);
        }
    }

    private final List<Period> periods;
    private final Instant from;
    private final Instant until;

    private Periods(List<Period> periods) {
        this.periods = List.copyOf(periods);
        this.from = periods.get(0).from();
        this.until = periods.get(periods.size() - 1).until();
    }

    static Periods of(LocalDate from, LocalDate to, Granularity granularity, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = granularity.startOf(from); !start.isAfter(to); start = granularity.next(start)) {
            if (periods.size() == MAX_PERIODS) {
                throw new IllegalArgumentException("The range holds more than " + MAX_PERIODS + " periods of a "
                        + granularity.code() + "; choose a coarser granularity or a shorter range");
            }
            LocalDate end = granularity.next(start);
            periods.add(new Period(start, end, start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()));
        }
        return new Periods(periods);
    }

    /** The whole range as one period, from the start of {@code from} to the end of {@code to}. */
    static Periods whole(LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate end = to.plusDays(1);
        return new Periods(List.of(new Period(from, end, from.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant())));
    }

    List<Period> all() {
        return periods;
    }

    /** The index of the period holding the time, or -1 outside the range. */
    int indexOf(Instant time) {
        if (time == null || time.isBefore(from) || !time.isBefore(until)) {
            return -1;
        }
        int low = 0;
        int high = periods.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Period period = periods.get(middle);
            if (time.isBefore(period.from())) {
                high = middle - 1;
            }
            else if (!time.isBefore(period.until())) {
                low = middle + 1;
            }
            else {
                return middle;
            }
        }
        return -1;
    }

    Instant from() {
        return from;
    }

    Instant until() {
        return until;
    }
}
