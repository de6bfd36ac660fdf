/**
 * SLA arithmetic for proactive-call tasks: which days count as working days in a Danish public department, and
 * how deadlines move over them. Plain values, no Spring and no store, so the rules can be tested by date alone.
 */
package dk.servicepuls.escalation.tasks.sla;
