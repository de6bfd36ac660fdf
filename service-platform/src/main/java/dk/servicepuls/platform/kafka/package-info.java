/** Kafka set-up shared by the services: the platform's topics, the CloudEvents producer, reading bound messages. */
package dk.servicepuls.platform.kafka;
