/**
 * The service KPIs as Prometheus counters and histograms (contacts, waits, first-contact resolution, CSAT, CES, NPS,
 * analysed texts and topics, decisions, complaints, proactive calls, tasks) with labels from closed sets only.
 */
package dk.servicepuls.analytics.servicemetrics;
