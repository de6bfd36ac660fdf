package dk.servicepuls.analytics.kpis;

import java.util.Locale;

/**
 * The KPIs of a period, in the order the API and the CSV give them. What each measures, and which period an event or
 * a case counts in, is in the README ("KPIs").
 */
enum Kpi {

    CONTACTS, INBOUND_CONTACTS, FIRST_CONTACT_RESOLUTION, WAIT_MEAN_SECONDS, WAIT_P90_SECONDS,
    CSAT_MEAN, CSAT_SATISFIED_SHARE, CES_MEAN, CES_HIGH_EFFORT_SHARE, NPS,
    ANALYSED_TEXTS, NEGATIVE_SHARE, POSITIVE_SHARE, COMPLAINT_INTENT_SHARE,
    CASES_OPENED, CASES_CLOSED, LEAD_TIME_MEAN_DAYS, LEAD_TIME_P90_DAYS, CONTACTS_PER_CASE, REPEAT_CONTACT_RATE,
    HAND_OFFS_PER_CASE, CROSS_DEPARTMENT_HAND_OFFS_PER_CASE, PEAK_END_SCORE, MEAN_FEEDBACK_SCORE,
    UNFAVOURABLE_DECISIONS, COMPLAINTS_PER_100_UNFAVOURABLE, APPEALS_PER_100_UNFAVOURABLE,
    SERVICE_COMPLAINTS_PER_100_CASES, WRONG_INFORMATION_SHARE, END_SCORE,
    ELIGIBLE_CASES, CALL_COVERAGE, TASKS_CREATED, REACH_RATE, SLA_MET;

    /** The name in JSON and CSV: {@code firstContactResolution}. */
    String code() {
        StringBuilder code = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            code.append(code.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return code.toString();
    }
}
