/** Test fixtures shared by the services: the embedded store, a recorder of Kafka topics, the integration-test set-up. */
package dk.servicepuls.testing;
