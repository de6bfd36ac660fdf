package dk.servicepuls.feedback.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's survey page, {@code /s/{token}}: the questions of the invitation, a comment, one button; a thank-you
 * once answered, and a page of its own for a used, expired or unknown link. Plain HTML forms, no script, no
 * third-party asset, no cookie; Danish unless {@code ?lang=en}.
 */
@Controller
class SurveyPage {

    static final int MAX_COMMENT = 4000;

    private final SurveyAnswers answers;
    private final SurveyProperties properties;

    SurveyPage(SurveyAnswers answers, SurveyProperties properties) {
        this.answers = answers;
        this.properties = properties;
    }

    @GetMapping("/s/{token}")
    String show(@PathVariable String token, @RequestParam(defaultValue = "da") String lang, Model model,
            HttpServletResponse response) {
        SurveyAnswers.Invitation invitation = answers.find(token);
        return render(invitation, pageOf(invitation.state()), token, lang(lang), model, Map.of(), Map.of(), response);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam(defaultValue = "da") String lang,
            @RequestParam(required = false) String csat, @RequestParam(required = false) String ces,
            @RequestParam(required = false) String nps, @RequestParam(required = false) String comment, Model model,
            HttpServletResponse response) {
        String language = lang(lang);
        SurveyAnswers.Invitation invitation = answers.find(token);
        if (invitation.state() != SurveyAnswers.State.OPEN) {
            return render(invitation, pageOf(invitation.state()), token, language, model, Map.of(), Map.of(), response);
        }
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Integer csatAnswer = score(SurveyType.CSAT, csat, invitation.types(), given, errors);
        Integer cesAnswer = score(SurveyType.CES, ces, invitation.types(), given, errors);
        Integer npsAnswer = score(SurveyType.NPS, nps, invitation.types(), given, errors);
        if (comment != null) {
            given.put("comment", comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment);
            if (comment.length() > MAX_COMMENT) {
                errors.put("comment", "error.long");
            }
        }
        boolean empty = csatAnswer == null && cesAnswer == null && npsAnswer == null && (comment == null || comment.isBlank());
        if (errors.isEmpty() && empty) {
            errors.put("form", "error.empty");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(invitation, "form", token, language, model, given, errors, response);
        }
        // taken now, or in another tab meanwhile: either way the citizen has answered
        answers.answer(invitation, new SurveyAnswers.Answer(csatAnswer, cesAnswer, npsAnswer, comment, language));
        return render(invitation, "thanks", token, language, model, Map.of(), Map.of(), response);
    }

    private static Integer score(SurveyType type, String value, List<SurveyType> asked, Map<String, String> given,
            Map<String, String> errors) {
        if (value == null || value.isBlank() || !asked.contains(type)) {
            return null;
        }
        given.put(type.code(), value);
        try {
            int answer = Integer.parseInt(value.strip());
            if (type.accepts(answer)) {
                return answer;
            }
        }
        catch (NumberFormatException ex) {
            // not a number: said below
        }
        errors.put(type.code(), "error.range");
        return null;
    }

    /** The page for an invitation's state when nothing was just answered. */
    private static String pageOf(SurveyAnswers.State state) {
        return switch (state) {
            case OPEN -> "form";
            case ANSWERED -> "used";
            case EXPIRED -> "expired";
            case UNKNOWN -> "unknown";
        };
    }

    private String render(SurveyAnswers.Invitation invitation, String page, String token, String language,
            Model model, Map<String, String> given, Map<String, String> errors, HttpServletResponse response) {
        List<SurveyType> types = invitation.types();
        model.addAttribute("t", SurveyTexts.of(language, invitation.department(), properties));
        model.addAttribute("lang", language);
        model.addAttribute("otherLang", language.equals("en") ? "da" : "en");
        model.addAttribute("token", token);
        model.addAttribute("given", given);
        model.addAttribute("errors", errors);
        model.addAttribute("questions", types.stream().map(type -> new Question(type.code(), type.lowest, type.highest))
                .toList());
        if (page.equals("unknown")) {
            response.setStatus(404);
        }
        else if (page.equals("expired") || page.equals("used")) {
            response.setStatus(410);
        }
        model.addAttribute("page", page);
        return "survey";
    }

    private static String lang(String lang) {
        return "en".equalsIgnoreCase(lang) ? "en" : "da";
    }

    /** A question with its scale, for the template. */
    record Question(String code, int lowest, int highest) {

        public List<Integer> values() {
            return java.util.stream.IntStream.rangeClosed(lowest, highest).boxed().toList();
        }
    }
}
