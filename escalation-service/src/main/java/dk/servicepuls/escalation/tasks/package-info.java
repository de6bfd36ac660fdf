/**
 * Proactive-call tasks (Styrket Kontakt): one per case before an unfavourable decision goes out, with an SLA in
 * working days and a ladder to the team lead and the department head, claimed and completed through the inbox API.
 * Each step of a task and its task.* event on escalation.events are one single-document write (the outbox).
 */
package dk.servicepuls.escalation.tasks;
