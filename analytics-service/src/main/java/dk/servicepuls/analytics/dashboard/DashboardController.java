package dk.servicepuls.analytics.dashboard;

import java.util.Locale;

import dk.servicepuls.analytics.kpis.KpiCsv;
import dk.servicepuls.analytics.kpis.KpiQueries;
import dk.servicepuls.analytics.kpis.KpiQuery;
import dk.servicepuls.analytics.kpis.KpiReport;
import dk.servicepuls.analytics.kpis.Kpis;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.security.ForbiddenException;
import dk.servicepuls.platform.signin.PageLanguage;
import dk.servicepuls.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard page and its CSV download, for managers and team leads of the signed-in person's department. The
 * query takes the same parameters as {@code GET /api/v1/kpis}; one it cannot answer shows the page's form again with
 * the problem next to the field (400), the department's figures left out.
 */
@Controller
class DashboardController {

    private final Kpis kpis;
    private final KpiQueries queries;
    private final MessageSource messages;

    DashboardController(Kpis kpis, KpiQueries queries, MessageSource messages) {
        this.kpis = kpis;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping({DashboardSecurity.HOME, DashboardSecurity.HOME + "/"})
    String page(@RequestParam(required = false) String team, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            Caller caller, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        language(model, locale, request);
        model.addAttribute("caller", caller);
        if (!isLead(caller)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("forbidden", true);
            return "dashboard/page";
        }
        try {
            KpiQuery query = queries.of(caller, caller.department(), leadsTeam(caller, team), from, to, granularity);
            KpiReport report = kpis.report(query);
            model.addAttribute("page", new DashboardView(messages, locale).of(report, kpis.teams(query.department())));
            model.addAttribute("teamFixed", !caller.hasRole(Caller.MANAGER) && caller.team() != null);
        }
        catch (KpiQueries.Invalid invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", invalid.type());
            model.addAttribute("problemField", invalid.parameter());
            model.addAttribute("asked", new Asked(team, from, to, granularity));
        }
        return "dashboard/page";
    }

    @GetMapping(path = DashboardSecurity.HOME + "/kpis.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String team, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            Caller caller) {
        requireLead(caller);
        KpiReport report;
        try {
            report = kpis.report(queries.of(caller, caller.department(), leadsTeam(caller, team), from, to, granularity));
        }
        catch (KpiQueries.Invalid invalid) {
            throw new InvalidRequestException(invalid.type(), "Invalid KPI query", invalid.getMessage(), "parameter",
                    invalid.parameter());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(KpiCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + KpiCsv.filename(report) + "\"")
                .body(KpiCsv.of(report));
    }

    @GetMapping(DashboardSecurity.SIGNED_OUT)
    String signedOut(Locale locale, HttpServletRequest request, Model model) {
        language(model, locale, request);
        return "dashboard/signed-out";
    }

    /** What was asked, to show in the form again after a problem. */
    record Asked(String team, String from, String to, String granularity) {
    }

    /** A manager sees the department and any of its teams; a team lead with a team sees that team only. */
    private static String leadsTeam(Caller caller, String team) {
        if (caller.hasRole(Caller.MANAGER) || caller.team() == null) {
            return team;
        }
        return caller.team();
    }

    private static boolean isLead(Caller caller) {
        return caller.department() != null && (caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.TEAM_LEAD));
    }

    private static void requireLead(Caller caller) {
        if (!isLead(caller)) {
            throw new ForbiddenException("The dashboard is for managers and team leads");
        }
    }

    private static void language(Model model, Locale locale, HttpServletRequest request) {
        String lang = PageLanguage.code(locale);
        model.addAttribute("lang", lang);
        model.addAttribute("otherLang", "en".equals(lang) ? "da" : "en");
        // the language switch keeps the query, so the same figures come back in the other language
        model.addAttribute("switchLink", UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("lang", "en".equals(lang) ? "da" : "en")
                .build().toUriString());
    }
}
