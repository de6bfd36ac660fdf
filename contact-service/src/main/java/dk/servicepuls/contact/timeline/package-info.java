/** The case timeline: a case's normalised events in the order they happened. */
package dk.servicepuls.contact.timeline;
