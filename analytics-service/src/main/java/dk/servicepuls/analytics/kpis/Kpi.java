package dk.servicepuls.analytics.kpis;

import java.util.Locale;

/**
 * The KPIs of a period, in the order the API and the CSV give them. What each measures, and which period an event or
 * a case counts in, is in the README ("KPIs").
 */
public enum Kpi {

    CONTACTS(Unit.COUNT), INBOUND_CONTACTS(Unit.COUNT), FIRST_CONTACT_RESOLUTION(Unit.SHARE),
    WAIT_MEAN_SECONDS(Unit.SECONDS), WAIT_P90_SECONDS(Unit.SECONDS),
    CSAT_MEAN(Unit.SCORE), CSAT_SATISFIED_SHARE(Unit.SHARE), CES_MEAN(Unit.SCORE), CES_HIGH_EFFORT_SHARE(Unit.SHARE),
    NPS(Unit.SCORE),
    ANALYSED_TEXTS(Unit.COUNT), NEGATIVE_SHARE(Unit.SHARE), POSITIVE_SHARE(Unit.SHARE),
    COMPLAINT_INTENT_SHARE(Unit.SHARE),
    CASES_OPENED(Unit.COUNT), CASES_CLOSED(Unit.COUNT), LEAD_TIME_MEAN_DAYS(Unit.DAYS), LEAD_TIME_P90_DAYS(Unit.DAYS),
    CONTACTS_PER_CASE(Unit.PER_CASE), REPEAT_CONTACT_RATE(Unit.SHARE),
    HAND_OFFS_PER_CASE(Unit.PER_CASE), CROSS_DEPARTMENT_HAND_OFFS_PER_CASE(Unit.PER_CASE), PEAK_END_SCORE(Unit.SCORE),
    MEAN_FEEDBACK_SCORE(Unit.SCORE),
    UNFAVOURABLE_DECISIONS(Unit.COUNT), COMPLAINTS_PER_100_UNFAVOURABLE(Unit.PER_100),
    APPEALS_PER_100_UNFAVOURABLE(Unit.PER_100), SERVICE_COMPLAINTS_PER_100_CASES(Unit.PER_100),
    WRONG_INFORMATION_SHARE(Unit.SHARE), END_SCORE(Unit.SCORE),
    ELIGIBLE_CASES(Unit.COUNT), CALL_COVERAGE(Unit.SHARE), TASKS_CREATED(Unit.COUNT), REACH_RATE(Unit.SHARE),
    SLA_MET(Unit.SHARE);

    /** What a value is, so that a page can write it: a share is 0 to 1, a score on its own scale. */
    public enum Unit {
        COUNT, SHARE, SECONDS, DAYS, SCORE, PER_CASE, PER_100
    }

    private final Unit unit;

    Kpi(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    /** The name in JSON and CSV: {@code firstContactResolution}. */
    public String code() {
        StringBuilder code = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            code.append(code.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return code.toString();
    }
}
