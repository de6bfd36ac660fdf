package dk.servicepuls.escalation.inbox;

import java.util.List;
import java.util.Locale;

import dk.servicepuls.escalation.risk.CaseRiskSummaries;
import dk.servicepuls.platform.security.Caller;
import dk.servicepuls.platform.signin.PageLanguage;
import dk.servicepuls.platform.security.ForbiddenException;
import dk.servicepuls.escalation.tasks.TaskInbox;
import dk.servicepuls.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox pages. Every query names the signed-in user's own department, so nobody sees another department's tasks;
 * claims and completions are made as the signed-in caseworker, through the same lifecycle as the JSON API.
 */
@Controller
class InboxController {

    private static final List<String> ACTIVE = List.of("open", "claimed", "escalated");

    private final TaskInbox tasks;
    private final CaseRiskSummaries risks;
    private final InboxProperties properties;

    InboxController(TaskInbox tasks, CaseRiskSummaries risks, InboxProperties properties) {
        this.tasks = tasks;
        this.risks = risks;
        this.properties = properties;
    }

    /** What every page needs: its language, the times in it, the user, and its own address for the language switch. */
    @ModelAttribute
    void page(Model model, Locale locale, HttpServletRequest request, Caller caller) {
        language(model, locale, request);
        model.addAttribute("caller", caller);
        model.addAttribute("lead", isLead(caller));
    }

    static void language(Model model, Locale locale, HttpServletRequest request) {
        String lang = PageLanguage.code(locale);
        model.addAttribute("lang", lang);
        model.addAttribute("otherLang", "en".equals(lang) ? "da" : "en");
        model.addAttribute("fmt", new InboxFormat("en".equals(lang) ? Locale.UK : InboxSecurity.DANISH));
        model.addAttribute("path", request.getRequestURI());
    }

    @GetMapping({"/inbox", "/inbox/"})
    String mine(Caller caller, Model model) {
        department(caller);
        List<TaskInbox.Entry> mine = caller.caseworkerId() == null ? List.of()
                : tasks.visibleTo(caller, caller.caseworkerId(), null, ACTIVE);
        // the queue: every active task the caller may see (the team's, and those without a team yet) not their own
        List<TaskInbox.Entry> queue = tasks.visibleTo(caller, null, null, ACTIVE).stream()
                .filter(task -> caller.caseworkerId() == null || !caller.caseworkerId().equals(task.caseworkerId()))
                .toList();
        model.addAttribute("mine", mine);
        model.addAttribute("queue", queue);
        return "inbox/mine";
    }

    @GetMapping("/inbox/tasks/{taskId}")
    String task(@PathVariable String taskId, Caller caller, Model model) {
        TaskInbox.Entry task = visible(taskId, caller);
        show(task, model);
        return "inbox/task";
    }

    @PostMapping("/inbox/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, Caller caller, RedirectAttributes redirect) {
        visible(taskId, caller);
        try {
            tasks.claim(taskId, caseworker(caller));
            redirect.addFlashAttribute("done", "claimed");
        }
        catch (TaskInbox.Refused refused) {
            redirect.addFlashAttribute("refused", refused.code());
        }
        return "redirect:/inbox/tasks/" + taskId;
    }

    /** A missing outcome or note shows the form again with the problem and what was typed; nothing is lost. */
    @PostMapping("/inbox/tasks/{taskId}/complete")
    String complete(@PathVariable String taskId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note, Caller caller, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        TaskInbox.Entry task = visible(taskId, caller);
        boolean outcomeMissing = outcome == null || outcome.isBlank();
        boolean noteMissing = note == null || note.isBlank();
        if (outcomeMissing || noteMissing) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(task, model);
            model.addAttribute("outcomeMissing", outcomeMissing);
            model.addAttribute("noteMissing", noteMissing);
            model.addAttribute("outcome", outcome);
            model.addAttribute("note", note);
            return "inbox/task";
        }
        try {
            tasks.complete(taskId, caseworker(caller), outcome, note);
            redirect.addFlashAttribute("done", "completed");
        }
        catch (TaskInbox.Refused refused) {
            redirect.addFlashAttribute("refused", refused.code());
        }
        return "redirect:/inbox/tasks/" + taskId;
    }

    /** Team leads and managers: what is late, and who carries what. A team lead sees the team, a manager the department. */
    @GetMapping("/inbox/team")
    String team(Caller caller, Model model) {
        if (!isLead(caller)) {
            throw new ForbiddenException("The team overview is for team leads and managers");
        }
        department(caller);
        String team = caller.hasRole(Caller.MANAGER) ? null : caller.team();
        // what the lead may see: the team's tasks and those without a team; a manager's, the department's
        List<TaskInbox.Entry> active = tasks.visibleTo(caller, null, null, ACTIVE);
        model.addAttribute("late", active.stream().filter(task -> task.overdue() || "escalated".equals(task.status()))
                .toList());
        model.addAttribute("workload", Workload.of(active));
        model.addAttribute("scopeTeam", team);
        return "inbox/team";
    }

    private void show(TaskInbox.Entry task, Model model) {
        model.addAttribute("task", task);
        // also after a refused form: the language switch must lead to the page, not to the form's address
        model.addAttribute("path", "/inbox/tasks/" + task.taskId());
        model.addAttribute("risk", risks.of(task.department(), task.caseId()).orElse(null));
        model.addAttribute("caseLink", properties.caseLink(task.department(), task.caseId()));
        model.addAttribute("outcomes", TaskInbox.outcomes());
        model.addAttribute("outcomeMissing", false);
        model.addAttribute("noteMissing", false);
    }

    private TaskInbox.Entry visible(String taskId, Caller caller) {
        return tasks.find(caller, taskId).orElseThrow(() -> new NotFoundException("No task " + taskId));
    }

    private static String department(Caller caller) {
        if (caller.department() == null) {
            throw new ForbiddenException("Your sign-in names no department");
        }
        return caller.department();
    }

    private static String caseworker(Caller caller) {
        if (caller.caseworkerId() == null) {
            throw new ForbiddenException("Only a caseworker can take or complete a call");
        }
        return caller.caseworkerId();
    }

    private static boolean isLead(Caller caller) {
        return caller.hasRole(Caller.TEAM_LEAD) || caller.hasRole(Caller.MANAGER);
    }

    /** After signing out there is no user, so this page is outside the controller whose pages all have one. */
    @Controller
    static class SignedOut {

        @GetMapping(InboxSecurity.SIGNED_OUT)
        String signedOut(Model model, Locale locale, HttpServletRequest request) {
            language(model, locale, request);
            return "inbox/signed-out";
        }
    }
}
