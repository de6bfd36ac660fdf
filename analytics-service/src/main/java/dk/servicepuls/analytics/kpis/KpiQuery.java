package dk.servicepuls.analytics.kpis;

import java.time.LocalDate;

/** What a KPI query asks for: a department, perhaps one of its teams, a range of local dates (both included). */
public record KpiQuery(String department, String team, LocalDate from, LocalDate to, Granularity granularity) {
}
