/**
 * The local mode: one JVM with a real Kafka broker (KRaft), an embedded MongoDB-wire store on a file, and the four
 * services, each in its own Spring application context on its own port. For trying it, demos, CI and development
 * without Docker; nothing depends on this module.
 */
package dk.servicepuls.local;
