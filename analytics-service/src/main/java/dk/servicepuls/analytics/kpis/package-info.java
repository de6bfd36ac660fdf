/**
 * KPIs for management: per department (and team) and day, week or month, from the event facts — contacts, waits,
 * first-contact resolution, CSAT, CES, NPS, the text analysis, case lead time, repeat contacts, hand-offs, peak–end,
 * complaints per unfavourable decision, proactive-call coverage, reach and SLA — and the measured effect of proactive
 * calls with Newcombe's interval. No figure rests on a group smaller than the minimum, and none is per caseworker.
 * {@code GET /api/v1/kpis} (JSON, CSV).
 */
package dk.servicepuls.analytics.kpis;
