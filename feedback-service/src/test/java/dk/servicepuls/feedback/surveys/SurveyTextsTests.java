package dk.servicepuls.feedback.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SurveyTextsTests {

    private final SurveyProperties properties = new SurveyProperties("http://localhost", null, Duration.ofDays(14),
            Duration.ofDays(90), Duration.ofDays(5), Duration.ofMinutes(15), List.of(),
            Map.of("teknik-miljoe", Map.of("da", Map.of("csat", "Hvor tilfreds er du med din byggesag?",
                    "no-such-key", "ignored"))));

    @Test
    void aDepartmentsOwnWordingReplacesThatTextOnlyAndOnlyInItsLanguage() {
        Map<String, String> own = SurveyTexts.of("da", "teknik-miljoe", properties);

        assertThat(own.get("csat")).isEqualTo("Hvor tilfreds er du med din byggesag?");
        assertThat(own.get("ces")).isEqualTo(SurveyTexts.DA.get("ces"));
        assertThat(own).doesNotContainKey("no-such-key");
        assertThat(SurveyTexts.of("en", "teknik-miljoe", properties)).isEqualTo(SurveyTexts.EN);
        assertThat(SurveyTexts.of("da", "borgerservice", properties)).isEqualTo(SurveyTexts.DA);
    }

    @Test
    void bothLanguagesHaveEveryText() {
        assertThat(SurveyTexts.EN.keySet()).isEqualTo(SurveyTexts.DA.keySet());
    }
}
