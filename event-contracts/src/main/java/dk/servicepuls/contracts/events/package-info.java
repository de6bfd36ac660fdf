/** One record per event type's {@code data}, in the normalised form the platform publishes. */
package dk.servicepuls.contracts.events;
