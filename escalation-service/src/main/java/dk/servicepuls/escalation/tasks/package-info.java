/** Proactive-call tasks: one per case before an unfavourable decision goes out, announced on escalation.events. */
package dk.servicepuls.escalation.tasks;
