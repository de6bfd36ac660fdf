package dk.servicepuls.analytics.kpis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * A KPI query from what a caller asked for, as the API and the dashboard take it: the department is the caller's own
 * unless given (and only the caller's own is answered); {@code from} and {@code to} are local dates, both included (by
 * default the twelve periods up to today); granularity {@code day}, {@code week} (default) or {@code month}. What
 * cannot be answered is an {@link Invalid} naming the parameter, or a 403 for another department.
 */
@Component
public class KpiQueries {

    /** Without {@code from}: the period holding {@code to} and the ones before it, this many in all. */
    static final int DEFAULT_PERIODS = 12;

    private final KpiProperties properties;
    private final Clock clock;

    KpiQueries(KpiProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public KpiQuery of(Caller caller, String department, String team, String from, String to, String granularity) {
        String asked = blank(department) ? caller.department() : department;
        caller.requireDepartment(asked);
        Granularity cut = blank(granularity) ? Granularity.WEEK
                : Granularity.ofCode(granularity).orElseThrow(() -> invalid("invalid-granularity",
                        "granularity must be day, week or month", "granularity"));
        LocalDate last = blank(to) ? LocalDate.now(clock.withZone(properties.zone())) : date(to, "to");
        LocalDate first = blank(from) ? defaultFrom(last, cut) : date(from, "from");
        if (last.isBefore(first)) {
            throw invalid("invalid-range", "to (" + last + ") is before from (" + first + ")", "to");
        }
        try {
            Periods.of(first, last, cut, properties.zone());
        }
        catch (IllegalArgumentException tooMany) {
            throw invalid("invalid-range", tooMany.getMessage(), "from");
        }
        if (!blank(team) && !FactValues.isCode(team)) {
            throw invalid("invalid-team", "team must be a team code: letters, digits, spaces and . _ : / -, at most 64",
                    "team");
        }
        return new KpiQuery(asked, blank(team) ? null : team, first, last, cut);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate defaultFrom(LocalDate to, Granularity granularity) {
        LocalDate start = granularity.startOf(to);
        return switch (granularity) {
            case DAY -> start.minusDays(DEFAULT_PERIODS - 1);
            case WEEK -> start.minusWeeks(DEFAULT_PERIODS - 1);
            case MONTH -> start.minusMonths(DEFAULT_PERIODS - 1);
        };
    }

    private static LocalDate date(String value, String parameter) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException notADate) {
            throw invalid("invalid-date", parameter + " must be a date as YYYY-MM-DD", parameter);
        }
    }

    private static Invalid invalid(String type, String detail, String parameter) {
        return new Invalid(type, detail, parameter);
    }

    /**
     * A query that cannot be answered.
     *
     * @param type      what is wrong: {@code invalid-granularity}, {@code invalid-date}, {@code invalid-range} or
     *                  {@code invalid-team}
     * @param parameter the parameter it is wrong in
     */
    public static final class Invalid extends RuntimeException {

        private final String type;
        private final String parameter;

        Invalid(String type, String detail, String parameter) {
            super(detail, null, false, false);
            this.type = type;
            this.parameter = parameter;
        }

        public String type() {
            return type;
        }

        public String parameter() {
            return parameter;
        }
    }
}
