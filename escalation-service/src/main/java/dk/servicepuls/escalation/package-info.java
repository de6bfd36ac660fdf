/** escalation-service: spots cases at risk and puts proactive-call tasks (Styrket Kontakt) in the caseworkers' inbox. */
package dk.servicepuls.escalation;
