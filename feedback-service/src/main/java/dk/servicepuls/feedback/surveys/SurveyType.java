package dk.servicepuls.feedback.surveys;

import java.util.Locale;

/** The questions a survey can ask, each with its scale. */
enum SurveyType {

    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer effort, 1 (very easy) to 7 (very difficult). */
    CES(1, 7),
    /** Likelihood to recommend, 0 to 10. */
    NPS(0, 10);

    final int lowest;
    final int highest;

    SurveyType(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean accepts(int answer) {
        return answer >= lowest && answer <= highest;
    }
}
