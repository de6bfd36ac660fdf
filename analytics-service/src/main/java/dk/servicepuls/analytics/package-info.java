/** analytics-service: KPIs, scorecards and Prometheus metrics from everything that happens on the platform. */
package dk.servicepuls.analytics;
