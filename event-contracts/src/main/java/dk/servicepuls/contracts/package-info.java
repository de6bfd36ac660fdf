/** The event contract: topic names, event types, CloudEvents attributes and JSON Schema validation of data. */
package dk.servicepuls.contracts;
