package dk.servicepuls.feedback.analysis;

import java.util.Optional;

import dk.servicepuls.platform.web.InvalidRequestException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analysis} with {@code {"text": …, "language"?: "da" | "en"}}: what {@link TextAnalyzer}
 * reads in the text. Behind the token chain of every {@code /api/**}; the text is neither stored nor logged.
 */
@RestController
class AnalysisController {

    private final TextAnalyzer analyzer;

    AnalysisController(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    record AnalysisRequest(String text, String language) {
    }

    @PostMapping("/api/v1/analysis")
    TextAnalysis analyse(@RequestBody AnalysisRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            throw invalid("invalid-text", "text is required and must not be blank", "/text");
        }
        if (request.text().length() > TextAnalyzer.MAX_CHARACTERS) {
            throw invalid("text-too-long", "text has " + request.text().length()
                    + " characters; at most " + TextAnalyzer.MAX_CHARACTERS + " are read", "/text");
        }
        Optional<Language> language = Optional.empty();
        if (request.language() != null) {
            language = Language.ofCode(request.language());
            if (language.isEmpty()) {
                throw invalid("unsupported-language",
                        "language must be da or en, or left out to have it detected", "/language");
            }
        }
        return analyzer.analyse(request.text(), language);
    }

    private static InvalidRequestException invalid(String type, String detail, String pointer) {
        return new InvalidRequestException(type, "Invalid analysis request", detail, "pointer", pointer);
    }
}
