/**
 * Event facts: what analytics keeps of each platform event (its identity, type, department, time, a one-way case key
 * and a few coded values), stored once per (source, id), and the {@link dk.servicepuls.analytics.facts.FactView}s
 * built from them. The Kafka functions live here; the views know no messaging.
 */
package dk.servicepuls.analytics.facts;
