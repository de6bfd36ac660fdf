/**
 * The one intake of contact.events and feedback.events: turns each record into a {@link
 * dk.servicepuls.escalation.caseevents.CaseEvent} and hands it to every feature's {@link
 * dk.servicepuls.escalation.caseevents.CaseEventHandler}, so that features share one consumer group without sharing
 * partitions or knowing Kafka.
 */
package dk.servicepuls.escalation.caseevents;
