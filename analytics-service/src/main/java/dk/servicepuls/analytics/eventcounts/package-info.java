/** Event counts: every platform event counted once, by type and department, as servicepuls_events_total. */
package dk.servicepuls.analytics.eventcounts;
