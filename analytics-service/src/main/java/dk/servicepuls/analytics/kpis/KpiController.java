package dk.servicepuls.analytics.kpis;

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
 * CSV; what the parameters mean is in {@link KpiQueries}.
 */
@RestController
class KpiController {

    private final Kpis kpis;
    private final KpiQueries queries;

    KpiController(Kpis kpis, KpiQueries queries) {
        this.kpis = kpis;
        this.queries = queries;
    }

    /** A query that cannot be answered is a 400 problem naming the parameter. */
    private KpiQuery query(Caller caller, String department, String team, String from, String to, String granularity) {
        try {
            return queries.of(caller, department, team, from, to, granularity);
        }
        catch (KpiQueries.Invalid invalid) {
            throw new InvalidRequestException(invalid.type(), "Invalid KPI query", invalid.getMessage(), "parameter",
                    invalid.parameter());
        }
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
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(KpiCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + KpiCsv.filename(report) + "\"")
                .body(KpiCsv.of(report));
    }
}
