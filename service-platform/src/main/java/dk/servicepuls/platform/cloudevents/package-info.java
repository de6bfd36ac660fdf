/**
 * CloudEvents in and out through the CloudEvents SDK: HTTP structured, binary and batch mode, Kafka binary and
 * structured mode, and binary-mode records for publishing. Nothing here knows which event types exist.
 */
package dk.servicepuls.platform.cloudevents;
