/** contact-service: case and contact ingestion, validation, pseudonymisation and the case timeline. */
package dk.servicepuls.contact;
