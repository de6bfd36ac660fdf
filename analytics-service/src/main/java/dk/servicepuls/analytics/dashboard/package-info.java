/**
 * The management dashboard at {@code /dashboard}, for the local mode (which has no Grafana) and for any department
 * that wants the KPIs without one: the KPI report of a department, a team and a period as charts and tables, Danish or
 * English, with a CSV download. A manager or team lead signs in through the browser; the page shows only the
 * department of the signed-in person, and every figure withheld by the KPIs stays withheld. Server-rendered, so the
 * tables work without JavaScript; the charts are drawn from the tables by Chart.js, served from its WebJar.
 */
package dk.servicepuls.analytics.dashboard;
