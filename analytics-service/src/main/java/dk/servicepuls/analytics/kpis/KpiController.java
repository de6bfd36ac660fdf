package dk.servicepuls.analytics.kpis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dk.servicepuls.analytics.facts.FactValues;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/kpis?department=&team=&from=&to=&granularity=}, as JSON or, with {@code Accept: text/csv}, as
 * CSV. The department is the token's own unless given (and only the token's own is answered); {@code from} and
 * {@code to} are local dates, both included (by default twelve periods up to today); granularity {@code day},
 * {@code week} (default) or {@code month}.
 */
@RestController
class KpiController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    /** Without {@code from}: the period holding {@code to} and the ones before it, this many in all. */
    private static final int DEFAULT_PERIODS = 12;

    private final Kpis kpis;
    private final KpiProperties properties;
    private final Clock clock;

    KpiController(Kpis kpis, KpiProperties properties, Clock clock) {
        this.kpis = kpis;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    KpiReport json(@RequestParam(required = false) String department, @RequestParam(required = false) String team,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity, Caller caller) {
        return kpis.report(query(caller, department, team, from, to, granularity));
    }

    @GetMapping(path = "/api/v1/kpis", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String department,
            @RequestParam(required = false) String team, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            Caller caller) {
        KpiReport report = kpis.report(query(caller, department, team, from, to, granularity));
        return ResponseEntity.ok()
                .contentType(new MediaType(TEXT_CSV, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis-" + report.department() + "-"
                        + report.from() + "-" + report.to() + ".csv\"")
                .body(KpiCsv.of(report));
    }

    private KpiQuery query(Caller caller, String department, String team, String from, String to, String granularity) {
        String asked = department == null || department.isBlank() ? caller.department() : department;
        caller.requireDepartment(asked);
        Granularity cut = granularity == null || granularity.isBlank() ? Granularity.WEEK
                : Granularity.ofCode(granularity).orElseThrow(() -> invalid("invalid-granularity",
                        "granularity must be day, week or month", "granularity"));
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(properties.zone())) : date(to, "to");
        LocalDate first = from == null || from.isBlank() ? defaultFrom(last, cut) : date(from, "from");
        if (last.isBefore(first)) {
            throw invalid("invalid-range", "to (" + last + ") is before from (" + first + ")", "to");
        }
        try {
            Periods.of(first, last, cut, properties.zone());
        }
        catch (IllegalArgumentException tooMany) {
            throw invalid("invalid-range", tooMany.getMessage(), "from");
        }
        if (team != null && !team.isBlank() && !FactValues.isCode(team)) {
            throw invalid("invalid-team", "team must be a team code: letters, digits, spaces and . _ : / -, at most 64",
                    "team");
        }
        return new KpiQuery(asked, team == null || team.isBlank() ? null : team, first, last, cut);
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

    private static InvalidRequestException invalid(String type, String detail, String parameter) {
        return new InvalidRequestException(type, "Invalid KPI query", detail, "parameter", parameter);
    }
}
