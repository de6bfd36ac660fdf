/**
 * The figures Prometheus cannot take rates of, as gauges per department: each of the nine rules' proxy value and
 * trend, the service maturity level and its indicators, peak–end beside the plain mean, and the measured effect of
 * proactive calls with its interval. Computed from the KPIs on a schedule over a rolling window of months, never
 * per case, party or caseworker, and left out where the group is below the KPIs' minimum.
 */
package dk.servicepuls.analytics.kpigauges;
